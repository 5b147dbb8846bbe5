import { hostedRoutes } from "@/app/_http/hosted-routes";
import { submitWelcome } from "@/lib/hosted/submit-recovery-forms";

export const { POST } = hostedRoutes({ POST: submitWelcome });
