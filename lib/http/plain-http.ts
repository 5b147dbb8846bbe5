/** An HTTP request as plain data: what lib/ handlers read (the route shells build it). */
export type PlainRequest = {
  method: string;
  url: URL;
  headers: { get(name: string): string | null };
  /** the raw body, null when there was none */
  body: string | null;
  /** path parameters, e.g. { authServerId } */
  params: Record<string, string>;
  ipAddress: string | null;
};

/** The answer as plain data: `body` is JSON unless `html` is given; neither = empty body (e.g. 204). */
export type PlainResponse = {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  html?: string;
  /** Set-Cookie values, one header each */
  cookies?: string[];
};
