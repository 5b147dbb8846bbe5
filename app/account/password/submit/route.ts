import { hostedRoutes } from "@/app/_http/hosted-routes";
import { submitPassword } from "@/lib/account/submit-password";

export const { POST } = hostedRoutes({ POST: submitPassword });
