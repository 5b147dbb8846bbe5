import { hostedRoutes } from "@/app/_http/hosted-routes";
import { submitSignin } from "@/lib/hosted/submit-signin";

export const { POST } = hostedRoutes({ POST: submitSignin });
