import { publicApiRoutes } from "@/app/_http/public-api-routes";
import { changeAuthnPassword } from "@/lib/authn/change-authn-password";

export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = publicApiRoutes({ POST: changeAuthnPassword });
