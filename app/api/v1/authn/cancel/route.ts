import { publicApiRoutes } from "@/app/_http/public-api-routes";
import { cancelAuthn } from "@/lib/authn/cancel-authn";

export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = publicApiRoutes({ POST: cancelAuthn });
