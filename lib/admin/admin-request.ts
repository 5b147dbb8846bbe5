import type { AppContext } from "../app-context";

/** A management API request as plain data (the route shell builds it from the HTTP request). */
export type AdminRequest = {
  method: string;
  url: URL;
  headers: { get(name: string): string | null };
  /** the raw body, null when there was none */
  body: string | null;
  params: Record<string, string>;
  ipAddress: string | null;
};

/** The answer, as plain data: the shell writes it. A body of undefined is a bare response (204). */
export type AdminResponse = { status: number; body?: unknown; headers?: Record<string, string> };

export type Actor = { userId: string; login: string; displayName: string; apiTokenId: string };

export type AdminContext = AppContext & { request: AdminRequest; actor: Actor };

export type AdminOperation = (ctx: AdminContext) => Promise<AdminResponse>;
