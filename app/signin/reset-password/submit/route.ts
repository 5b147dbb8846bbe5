import { hostedRoutes } from "@/app/_http/hosted-routes";
import { submitResetPassword } from "@/lib/hosted/submit-recovery-forms";

export const { POST } = hostedRoutes({ POST: submitResetPassword });
