import { protocolRoutes } from "@/app/_http/oauth-routes";

export const { GET, POST, OPTIONS } = protocolRoutes("v1/userinfo");
