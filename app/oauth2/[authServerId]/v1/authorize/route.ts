import { hostedRoutes } from "@/app/_http/hosted-routes";
import { authorizeEndpoint } from "@/lib/oauth/authorize/authorize-endpoint";

export const { GET, POST } = hostedRoutes({ GET: authorizeEndpoint, POST: authorizeEndpoint });
