import type { RoleType } from "../admin-roles/role-types";
import type { AppContext } from "../app-context";
import type { PlainRequest, PlainResponse } from "../http/plain-http";

/** A management API request as plain data (the route shell builds it from the HTTP request). */
export type AdminRequest = PlainRequest;

/** The answer, as plain data: the shell writes it. A body of undefined is a bare response (204). */
export type AdminResponse = Omit<PlainResponse, "html">;

/**
 * The authenticated caller of a management operation. `roles` are the principal's admin roles as of
 * this request; `scopes` an OAuth 2.0 access token's granted scopes (null for an SSWS token and the
 * dashboard, which act with the roles alone). `kind` "app": a service app's client_credentials token
 * (userId is then the app's id, the System Log actor a PublicClientApp).
 */
export type Actor = {
  userId: string;
  login: string;
  displayName: string;
  apiTokenId: string;
  roles: readonly RoleType[];
  scopes: readonly string[] | null;
  kind?: "user" | "app";
};

/**
 * Who calls an operation and from where: what its System Log entries record. `requestUri` is the
 * API path of an HTTP call; null for an in-process caller (the dashboard), which has none.
 */
export type Caller = { actor: Actor; client: { ipAddress: string | null; userAgent: string | null }; requestUri: string | null };

/**
 * What a typed admin operation runs with: the process and an authorized caller, no HTTP request.
 * The management API's handlers and the dashboard both call the typed operations with one.
 */
export type OperationContext = AppContext & Caller;

/**
 * A typed operation's input (its body, query or page), read when the operation gets to it: after
 * the objects its path names are found, so the API answers 404 before the input's 400 or 415 as
 * it always has. The HTTP handler passes `() => readJsonBody(request)` and the like, an in-process
 * caller (the dashboard) `() => value`. The ids of the path are plain arguments.
 */
export type Deferred<T> = () => T;

/** An HTTP call of the management API: the typed operation's context plus the request it came in. */
export type AdminContext = OperationContext & { request: AdminRequest };

/** An HTTP handler of the management API: a thin adapter from the request to a typed operation. */
export type AdminOperation = (ctx: AdminContext) => Promise<AdminResponse>;
