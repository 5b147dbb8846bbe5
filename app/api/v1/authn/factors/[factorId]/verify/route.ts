import { publicApiRoutes } from "@/app/_http/public-api-routes";
import { verifyAuthnFactor } from "@/lib/authn/verify-authn-factor";

export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = publicApiRoutes({ POST: verifyAuthnFactor });
