import { hostedRoutes } from "@/app/_http/hosted-routes";
import { beginRecoveryPage } from "@/lib/hosted/begin-recovery-page";

export const { GET } = hostedRoutes({ GET: beginRecoveryPage });
