import { publicApiRoutes } from "@/app/_http/public-api-routes";
import { recoverPassword } from "@/lib/authn/recover-password";

export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = publicApiRoutes({ POST: recoverPassword });
