import { hostedRoutes } from "@/app/_http/hosted-routes";
import { openWelcomeLink } from "@/lib/hosted/begin-recovery-page";

export const { GET } = hostedRoutes({ GET: openWelcomeLink });
