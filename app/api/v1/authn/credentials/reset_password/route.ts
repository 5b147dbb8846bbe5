import { publicApiRoutes } from "@/app/_http/public-api-routes";
import { resetAuthnPassword } from "@/lib/authn/reset-authn-password";

export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = publicApiRoutes({ POST: resetAuthnPassword });
