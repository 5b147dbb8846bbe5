import { getAppContext, type AppContext } from "@/lib/app-context";
import { hostedErrorPages } from "@/lib/hosted/hosted-error-pages";
import type { HostedResponse } from "@/lib/hosted/hosted-response";
import type { PlainRequest } from "@/lib/http/plain-http";
import { toPlainRequest, writeResponse, type RouteHandler } from "./request-basics";

type Method = "GET" | "POST";
export type HostedOperation = (app: AppContext, request: PlainRequest) => Promise<HostedResponse>;

/**
 * The shell of /authorize and the hosted pages' form posts: plain data in, plain data out, one
 * Set-Cookie header per cookie, and a generic error page (its cause in the server log only) for
 * anything unexpected. No CORS: these are browser navigations.
 */
export function hostedRoutes(operations: Partial<Record<Method, HostedOperation>>): Partial<Record<Method, RouteHandler>> {
  const handlers: Partial<Record<Method, RouteHandler>> = {};
  for (const method of ["GET", "POST"] as const) {
    const operation = operations[method];
    if (!operation) continue;
    handlers[method] = async (request, context) => {
      let answer: HostedResponse;
      try {
        answer = await operation(getAppContext(), await toPlainRequest(request, context));
      } catch (error) {
        console.error(`[hosted] ${request.method} ${new URL(request.url).pathname} failed:`, error);
        answer = hostedErrorPages.serverError();
      }
      const { cookies, ...plain } = answer;
      const response = writeResponse(plain);
      for (const cookie of cookies ?? []) response.headers.append("Set-Cookie", cookie);
      return response;
    };
  }
  return handlers;
}
