import { hostedRoutes } from "@/app/_http/hosted-routes";
import { submitForgotPassword } from "@/lib/hosted/submit-recovery-forms";

export const { POST } = hostedRoutes({ POST: submitForgotPassword });
