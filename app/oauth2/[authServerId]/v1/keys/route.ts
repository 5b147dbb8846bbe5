import { protocolRoutes } from "@/app/_http/oauth-routes";

export const { GET, OPTIONS } = protocolRoutes("v1/keys");
