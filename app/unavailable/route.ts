import { hostedRoutes } from "@/app/_http/hosted-routes";
import { showUnavailablePage } from "@/lib/hosted/show-unavailable-page";

export const { GET } = hostedRoutes({ GET: showUnavailablePage });
