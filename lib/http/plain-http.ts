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
  /**
   * The files of a multipart/form-data body (RFC 7578), for the routes that take uploads
   * (app/_http/admin-routes `uploads`): their body is not decoded as text (`body` is null).
   * Undefined elsewhere; empty when the body is not multipart or cannot be parsed.
   */
  files?: PlainFile[];
};

/** One file of a multipart/form-data body: its field name, the name and type the client declared (never believed), its bytes. */
export type PlainFile = { field: string; fileName: string; declaredType: string; data: Uint8Array };

/** The answer as plain data: `body` is JSON unless `html` or `binary` is given; none = empty body (e.g. 204). */
export type PlainResponse = {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  html?: string;
  /** bytes of the given type (an image, e.g. a factor's QR code) */
  binary?: { contentType: string; data: Uint8Array };
  /** Set-Cookie values, one header each */
  cookies?: string[];
};
