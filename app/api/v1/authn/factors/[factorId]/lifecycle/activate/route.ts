import { publicApiRoutes } from "@/app/_http/public-api-routes";
import { activateAuthnFactor } from "@/lib/authn/activate-authn-factor";

export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = publicApiRoutes({ POST: activateAuthnFactor });
