import { hostedRoutes } from "@/app/_http/hosted-routes";
import { submitExpiredPassword } from "@/lib/hosted/submit-recovery-forms";

export const { POST } = hostedRoutes({ POST: submitExpiredPassword });
