import { hostedRoutes } from "@/app/_http/hosted-routes";
import { submitConsent } from "@/lib/hosted/submit-consent";

export const { POST } = hostedRoutes({ POST: submitConsent });
