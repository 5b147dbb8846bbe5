import { getAppContext } from "@/lib/app-context";
import { handleHostedRequest, type HostedOperation } from "@/lib/http/handle-hosted-request";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { bodyTooLargePage } from "@/lib/http/body-too-large-page";
import { withPageBrand } from "@/lib/http/page-brand-context";
import { readPageBrand } from "@/lib/hosted/read-hosted-branding";
import { withPlainRequest, writeResponse, type RouteHandler } from "./request-basics";

type Method = "GET" | "POST";

/**
 * The HTTP shell of /authorize and the hosted pages' form posts: plain data in, plain data out.
 * The brand in force is read once per request (cached; the neutral brand when unreadable) and every
 * page the request renders as a string is drawn with it (withPageBrand).
 */
export function hostedRoutes(operations: Partial<Record<Method, HostedOperation>>): Partial<Record<Method, RouteHandler>> {
  const handlers: Partial<Record<Method, RouteHandler>> = {};
  for (const method of ["GET", "POST"] as const) {
    const operation = operations[method];
    if (operation) {
      handlers[method] = async (request, context) => {
        const app = getAppContext();
        const brand = await readPageBrand(app);
        return writeResponse(await withPageBrand(brand, () => withPlainRequest(request, context, BODY_LIMITS.hosted, (plain) => handleHostedRequest(app, plain, operation), bodyTooLargePage)));
      };
    }
  }
  return handlers;
}
