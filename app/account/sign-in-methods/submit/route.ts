import { hostedRoutes } from "@/app/_http/hosted-routes";
import { submitSignInMethods } from "@/lib/account/submit-sign-in-methods";

export const { POST } = hostedRoutes({ POST: submitSignInMethods });
