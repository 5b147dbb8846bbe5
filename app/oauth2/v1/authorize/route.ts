import { hostedRoutes } from "@/app/_http/hosted-routes";
import { orgServerRoutes } from "@/app/_http/org-server-routes";
import { authorizeEndpoint } from "@/lib/oauth/authorize/authorize-endpoint";

export const { GET, POST } = orgServerRoutes(hostedRoutes({ GET: authorizeEndpoint, POST: authorizeEndpoint }));
