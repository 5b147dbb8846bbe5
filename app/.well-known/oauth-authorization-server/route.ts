import { orgServerRoutes } from "@/app/_http/org-server-routes";
import { protocolRoutes } from "@/app/_http/oauth-routes";

// The org authorization server's metadata (issuer: ORG_URL).
export const { GET, OPTIONS } = orgServerRoutes(protocolRoutes(".well-known/oauth-authorization-server"));
