import { orgServerRoutes } from "@/app/_http/org-server-routes";
import { protocolRoutes } from "@/app/_http/oauth-routes";

export const { GET, OPTIONS } = orgServerRoutes(protocolRoutes("v1/keys"));
