import { hostedRoutes } from "@/app/_http/hosted-routes";
import { orgServerRoutes } from "@/app/_http/org-server-routes";
import { resumeEndpoint } from "@/lib/oauth/authorize/resume-endpoint";

export const { GET } = orgServerRoutes(hostedRoutes({ GET: resumeEndpoint }));
