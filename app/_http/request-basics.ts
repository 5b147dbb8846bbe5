import type { PlainFile, PlainRequest, PlainResponse } from "@/lib/http/plain-http";
import { BodyTooLargeError, readLimitedBody, readLimitedBytes } from "@/lib/http/read-limited-body";
import { requestClientAddress } from "@/lib/http/request-client-address";

export type RouteContext = { params: Promise<Record<string, string | string[]> | undefined> };
export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

/** Path parameters as plain strings (Next.js passes none at all for routes without dynamic segments). */
export async function readParams(context: RouteContext | undefined): Promise<Record<string, string>> {
  const params = (await context?.params) ?? {};
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value.join("/") : value]));
}

/**
 * The HTTP request as the plain data lib/ handlers take, its body read up to `maxBodyBytes` (the
 * surface's limit, lib/http/body-limits) before anything else happens. A larger body is not read
 * on: `tooLarge` answers instead, given the request without its body. With `uploads`, the body is
 * kept as bytes and a multipart/form-data body's files handed over as `files` (parsed here, by the
 * platform's FormData parser; lib/ gets plain bytes).
 */
export async function withPlainRequest(
  request: Request,
  context: RouteContext | undefined,
  maxBodyBytes: number,
  handle: (plain: PlainRequest) => Promise<PlainResponse>,
  tooLarge: (plain: PlainRequest) => PlainResponse | Promise<PlainResponse>,
  options: { uploads?: boolean } = {},
): Promise<PlainResponse> {
  const bodiless = request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS";
  const plain: PlainRequest = {
    method: request.method,
    url: new URL(request.url),
    headers: request.headers,
    body: null,
    params: await readParams(context),
    ipAddress: requestClientAddress(request.headers),
  };
  if (bodiless) return handle(plain);
  try {
    if (options.uploads) plain.files = await readFiles(request.headers.get("content-type"), await readLimitedBytes(request.body, request.headers.get("content-length"), maxBodyBytes));
    else plain.body = await readLimitedBody(request.body, request.headers.get("content-length"), maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return tooLarge(plain);
    throw error;
  }
  return handle(plain);
}

/** The files of a multipart/form-data body; none when it is another type or cannot be parsed. */
async function readFiles(contentType: string | null, bytes: Uint8Array): Promise<PlainFile[]> {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return [];
  let form: FormData;
  try {
    form = await new Request("http://upload.invalid/", { method: "POST", headers: { "Content-Type": contentType }, body: new Uint8Array(bytes) }).formData();
  } catch {
    return [];
  }
  const files: PlainFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value !== "string") files.push({ field, fileName: value.name, declaredType: value.type, data: new Uint8Array(await value.arrayBuffer()) });
  }
  return files;
}

/** Writes a lib/ answer: HTML, bytes of their type, JSON (application/json), or an empty body with no content type. */
export function writeResponse(response: PlainResponse, extraHeaders: Record<string, string> = {}): Response {
  const headers = new Headers({ ...extraHeaders, ...response.headers });
  for (const cookie of response.cookies ?? []) headers.append("Set-Cookie", cookie);
  if (response.html !== undefined) {
    headers.set("Content-Type", "text/html; charset=utf-8");
    return new Response(response.html, { status: response.status, headers });
  }
  if (response.binary !== undefined) {
    headers.set("Content-Type", response.binary.contentType);
    return new Response(new Uint8Array(response.binary.data), { status: response.status, headers });
  }
  if (response.body === undefined) return new Response(null, { status: response.status, headers });
  headers.set("Content-Type", "application/json");
  return new Response(JSON.stringify(response.body), { status: response.status, headers });
}
