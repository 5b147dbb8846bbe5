import { hostedRoutes } from "@/app/_http/hosted-routes";
import { submitEmailVerify } from "@/lib/account/confirm-email";

export const { POST } = hostedRoutes({ POST: submitEmailVerify });
