import type { Db } from "../db/create-db-client";
import { listOriginsWithScope } from "./list-origins-with-scope";

/** How a hosted page may be framed: its CSP `frame-ancestors` sources and whether X-Frame-Options DENY goes with them. */
export type HostedPageFraming = { frameAncestors: string; denyFraming: boolean };

/** Nobody frames the page: `frame-ancestors 'none'` and X-Frame-Options DENY (old browsers). */
export const NO_FRAMING: HostedPageFraming = { frameAncestors: "'none'", denyFraming: true };

/**
 * Who may frame the hosted sign-in and consent pages (Okta: a trusted origin with the IFRAME_EMBED
 * scope "allows iframe embedding of Okta sign-in pages"): this origin and every ACTIVE IFRAME_EMBED
 * trusted origin (CSP 3 frame-ancestors `'self' https://a.example https://b.example`, sorted), and
 * then no X-Frame-Options (DENY would refuse them in every browser, and XFO cannot list origins);
 * nobody when there is none (NO_FRAMING). Served from the trusted-origin cache (no query while
 * warm; an admin's change is seen within a second on every instance). Every other page and
 * endpoint stays unframeable (next.config.js, pageSecurityHeaders).
 */
export async function hostedPageFraming(db: Db, now: Date): Promise<HostedPageFraming> {
  const origins = await listOriginsWithScope(db, "IFRAME_EMBED", now);
  if (origins.length === 0) return NO_FRAMING;
  return { frameAncestors: ["'self'", ...origins].join(" "), denyFraming: false };
}
