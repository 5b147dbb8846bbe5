import { publicApiRoutes } from "@/app/_http/public-api-routes";
import { verifyRecoveryToken } from "@/lib/authn/verify-recovery-token";

export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = publicApiRoutes({ POST: verifyRecoveryToken });
