import type { AppContext } from "../app-context";
import type { PlainRequest } from "../http/plain-http";
import { hostedErrorPages } from "./hosted-error-pages";
import type { HostedResponse } from "./hosted-response";

export type HostedOperation = (app: AppContext, request: PlainRequest) => Promise<HostedResponse>;

/**
 * The pipeline of /authorize and the hosted pages' form posts: run the operation; anything
 * unexpected becomes a generic error page, its cause in the server log only. No CORS: these are
 * browser navigations.
 */
export async function handleHostedRequest(app: AppContext, request: PlainRequest, operation: HostedOperation): Promise<HostedResponse> {
  try {
    return await operation(app, request);
  } catch (error) {
    console.error(`[hosted] ${request.method} ${request.url.pathname} failed:`, error);
    return hostedErrorPages.serverError();
  }
}
