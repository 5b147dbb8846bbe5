import { hostedRoutes } from "@/app/_http/hosted-routes";
import { submitVerifyEmail } from "@/lib/hosted/registration-pages";

export const { POST } = hostedRoutes({ POST: submitVerifyEmail });
