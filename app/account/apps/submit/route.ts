import { hostedRoutes } from "@/app/_http/hosted-routes";
import { submitApps } from "@/lib/account/submit-apps";

export const { POST } = hostedRoutes({ POST: submitApps });
