import { protocolRoutes } from "@/app/_http/oauth-routes";

export const { POST, OPTIONS } = protocolRoutes("v1/token");
