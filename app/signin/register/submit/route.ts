import { hostedRoutes } from "@/app/_http/hosted-routes";
import { submitRegister } from "@/lib/hosted/registration-pages";

export const { POST } = hostedRoutes({ POST: submitRegister });
