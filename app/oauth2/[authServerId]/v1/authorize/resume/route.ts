import { hostedRoutes } from "@/app/_http/hosted-routes";
import { resumeEndpoint } from "@/lib/oauth/authorize/resume-endpoint";

export const { GET } = hostedRoutes({ GET: resumeEndpoint });
