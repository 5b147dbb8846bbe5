import { protocolRoutes } from "@/app/_http/oauth-routes";

export const { GET, OPTIONS } = protocolRoutes(".well-known/oauth-authorization-server");
