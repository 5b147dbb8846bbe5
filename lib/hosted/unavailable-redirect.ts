import { isDatabaseUnavailable } from "../db/is-database-unavailable";
import { hostedUrls } from "../http/hosted-urls";

export type PageQuery = Record<string, string | string[] | undefined>;

/**
 * Where a page Next.js renders sends the browser when reading its data failed: for the database
 * being unavailable, the 503 "try again" page (`/unavailable?retry=<the page's path and query>`,
 * showUnavailablePage), because Next.js answers a render error with 500 and cannot set 503; null
 * for any other error (the page's error boundary shows it).
 */
export function unavailableRedirect(error: unknown, path: string, query: PageQuery = {}): string | null {
  if (!isDatabaseUnavailable(error)) return null;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) for (const one of typeof value === "string" ? [value] : (value ?? [])) search.append(name, one);
  const encoded = search.toString();
  return hostedUrls.unavailable(encoded ? `${path}?${encoded}` : path);
}
