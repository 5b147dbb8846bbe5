import { hostedRoutes } from "@/app/_http/hosted-routes";
import { submitSessions } from "@/lib/account/submit-sessions";

export const { POST } = hostedRoutes({ POST: submitSessions });
