import { publicApiRoutes } from "@/app/_http/public-api-routes";
import { endMySession } from "@/lib/authn/end-my-session";
import { getMySession } from "@/lib/authn/get-my-session";

export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = publicApiRoutes({ GET: getMySession, DELETE: endMySession });
