import { hostedRoutes } from "@/app/_http/hosted-routes";
import { startSignin } from "@/lib/hosted/start-signin";

export const { GET } = hostedRoutes({ GET: startSignin });
