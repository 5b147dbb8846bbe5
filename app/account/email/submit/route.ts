import { hostedRoutes } from "@/app/_http/hosted-routes";
import { submitEmail } from "@/lib/account/submit-email";

export const { POST } = hostedRoutes({ POST: submitEmail });
