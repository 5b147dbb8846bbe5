import { hostedRoutes } from "@/app/_http/hosted-routes";
import { passkeyOptions } from "@/lib/hosted/passkey-options";

export const { POST } = hostedRoutes({ POST: passkeyOptions });
