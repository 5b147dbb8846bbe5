import { hostedRoutes } from "@/app/_http/hosted-routes";
import { submitFactor } from "@/lib/hosted/submit-factor";

export const { POST } = hostedRoutes({ POST: submitFactor });
