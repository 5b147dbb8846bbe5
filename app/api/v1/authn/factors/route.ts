import { publicApiRoutes } from "@/app/_http/public-api-routes";
import { enrollAuthnFactor } from "@/lib/authn/enroll-authn-factor";

export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = publicApiRoutes({ POST: enrollAuthnFactor });
