import { hostedRoutes } from "@/app/_http/hosted-routes";
import { submitProfile } from "@/lib/account/submit-profile";

export const { POST } = hostedRoutes({ POST: submitProfile });
