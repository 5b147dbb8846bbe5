import { publicApiRoutes } from "@/app/_http/public-api-routes";
import { refreshMySession } from "@/lib/authn/refresh-my-session";

export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = publicApiRoutes({ POST: refreshMySession });
