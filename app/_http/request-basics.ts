/** Path parameters as plain strings (Next.js passes none at all for routes without dynamic segments). */
export async function readParams(context: { params: Promise<Record<string, string | string[]> | undefined> } | undefined): Promise<Record<string, string>> {
  const params = (await context?.params) ?? {};
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value.join("/") : value]));
}

/**
 * The client's address for logs and rate limits: the first X-Forwarded-For hop, as set by the
 * reverse proxy in front of the app (deployments without one should strip the header at the edge).
 */
export function clientIp(request: Request): string | null {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || null;
}
