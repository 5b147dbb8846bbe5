/** A protocol request as plain data (the route shell builds it). */
export type OAuthRequest = {
  method: string;
  url: URL;
  headers: { get(name: string): string | null };
  /** the raw body, null when there was none */
  body: string | null;
  /** path parameters, e.g. { authServerId } */
  params: Record<string, string>;
  ipAddress: string | null;
};

/** The answer as plain data; `body` is JSON unless `html` is given; undefined = empty body. */
export type OAuthResponse = {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  html?: string;
};
