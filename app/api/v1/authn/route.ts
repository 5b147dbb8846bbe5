import { publicApiRoutes } from "@/app/_http/public-api-routes";
import { authnEndpoint } from "@/lib/authn/authn-endpoint";

export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = publicApiRoutes({ POST: authnEndpoint });
