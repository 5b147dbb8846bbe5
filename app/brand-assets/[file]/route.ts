import { hostedRoutes } from "@/app/_http/hosted-routes";
import { serveBrandAsset } from "@/lib/hosted/serve-brand-asset";

export const { GET } = hostedRoutes({ GET: serveBrandAsset });
