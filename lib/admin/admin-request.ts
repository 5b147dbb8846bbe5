import type { AppContext } from "../app-context";
import type { PlainRequest, PlainResponse } from "../http/plain-http";

/** A management API request as plain data (the route shell builds it from the HTTP request). */
export type AdminRequest = PlainRequest;

/** The answer, as plain data: the shell writes it. A body of undefined is a bare response (204). */
export type AdminResponse = Omit<PlainResponse, "html">;

export type Actor = { userId: string; login: string; displayName: string; apiTokenId: string };

export type AdminContext = AppContext & { request: AdminRequest; actor: Actor };

export type AdminOperation = (ctx: AdminContext) => Promise<AdminResponse>;
