import { z } from "zod";
import { ConfigError } from "./config-error";

/**
 * How the SMTP connection is secured (nodemailer's `secure` / `requireTLS` / `ignoreTLS`):
 * - "implicit": TLS from the first byte (smtps://, RFC 8314 3.3, port 465);
 * - "required": plain connection upgraded with STARTTLS (RFC 3207), refusing to send if the server does not offer it;
 * - "opportunistic": STARTTLS when the server offers it, plain otherwise (a local relay, a test server);
 * - "never": never STARTTLS (a relay on localhost whose certificate cannot be verified).
 */
export type SmtpSecurity = "implicit" | "required" | "opportunistic" | "never";

/** The SMTP server named by SMTP_URL. `auth.pass` is never logged nor put in an error message. */
export type SmtpSettings = {
  host: string;
  port: number;
  security: SmtpSecurity;
  auth: { user: string; pass: string } | null;
};

export type MailAddress = { name: string; address: string };

export type MailSettings = {
  /** null: no SMTP_URL, the development outbox (messages kept in the database and logged to stdout, never sent) */
  smtp: SmtpSettings | null;
  /** MAIL_FROM: the From of every message */
  from: MailAddress;
  /** MAIL_PRODUCT_NAME: only the sender's display name of the default MAIL_FROM (the product name inside emails is the brand's name, lib/branding) */
  productName: string;
};

type Env = Readonly<Record<string, string | undefined>>;

export const DEFAULT_PRODUCT_NAME = "Identity Provider";
const SMTP_PORTS = { "smtp:": 587, "smtps:": 465 } as const;
const STARTTLS_MODES = ["required", "opportunistic", "never"] as const;
/** No control characters (CR/LF: header injection), no characters that end or quote a display name. */
const DISPLAY_NAME = /^[^\u0000-\u001f\u007f<>"\\]{1,100}$/;

function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

/** SMTP_URL as it may be shown: the scheme, host and port, never the user or password. */
function redacted(raw: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)(?:[^@/?#]*@)?([^/?#]*)/i.exec(raw);
  return match ? `${match[1]}${match[2]}` : "(unparseable)";
}

const smtpQuerySchema = z.strictObject({ starttls: z.enum(STARTTLS_MODES).optional() });

/**
 * SMTP_URL: `smtp://[user:pass@]host[:port][?starttls=required|opportunistic|never]` (default port
 * 587; STARTTLS required when the URL carries credentials, so a password never crosses the network
 * in clear, otherwise used when offered) or `smtps://[user:pass@]host[:port]` (implicit TLS, default
 * port 465). User and password are percent-decoded. Unset: the development outbox.
 */
export function parseSmtpUrl(raw: string | undefined): SmtpSettings | null {
  if (raw === undefined) return null;
  const fail = (why: string): never => {
    throw new ConfigError("SMTP_URL", `${why} (got "${redacted(raw)}"); e.g. smtp://user:password@mail.example.com:587 or smtps://mail.example.com.`);
  };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail("must be an smtp:// or smtps:// URL");
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") return fail("must use smtp:// (STARTTLS) or smtps:// (implicit TLS)");
  if (!url.hostname) return fail("must name a host");
  if ((url.pathname && url.pathname !== "/") || url.hash) return fail("must not have a path or fragment");
  const params = [...url.searchParams.entries()];
  if (new Set(params.map(([key]) => key)).size !== params.length) return fail("must not repeat a query parameter");
  const query = smtpQuerySchema.safeParse(Object.fromEntries(params));
  if (!query.success) return fail(`accepts only the query parameter starttls=${STARTTLS_MODES.join("|")}`);
  if (url.protocol === "smtps:" && query.data.starttls) return fail("smtps:// is TLS from the start; starttls applies to smtp:// only");
  let user: string, pass: string;
  try {
    user = decodeURIComponent(url.username);
    pass = decodeURIComponent(url.password);
  } catch {
    return fail("has a user or password that is not valid percent-encoding");
  }
  if (/[\r\n]/.test(user) || /[\r\n]/.test(pass)) return fail("must not have line breaks in the user or password");
  if (pass && !user) return fail("has a password without a user");
  const auth = user ? { user, pass } : null;
  const security: SmtpSecurity = url.protocol === "smtps:" ? "implicit" : (query.data.starttls ?? (auth ? "required" : "opportunistic"));
  const port = url.port ? Number(url.port) : SMTP_PORTS[url.protocol];
  // IPv6 literals come bracketed from URL; the socket wants them bare.
  return { host: url.hostname.replace(/^\[(.*)\]$/, "$1"), port, security, auth };
}

/** MAIL_PRODUCT_NAME: one line of at most 100 characters; "Identity Provider" when unset. */
export function parseProductName(env: Env): string {
  const raw = read(env, "MAIL_PRODUCT_NAME");
  if (raw === undefined) return DEFAULT_PRODUCT_NAME;
  if (!DISPLAY_NAME.test(raw)) throw new ConfigError("MAIL_PRODUCT_NAME", "must be one line of at most 100 characters without < > \" or \\.");
  return raw;
}

/**
 * MAIL_FROM: `address` or `Display Name <address>` (the name may be in double quotes); one line, no
 * control characters (header injection, RFC 5322 3.4). Unset: `"<product name>" <no-reply@<ORG_URL's host>>`.
 */
export function parseMailFrom(raw: string | undefined, productName: string, orgUrl: string): MailAddress {
  if (raw === undefined) return { name: productName, address: `no-reply@${new URL(orgUrl).hostname}` };
  const fail = (): never => {
    throw new ConfigError("MAIL_FROM", `must be an email address or "Name <address>" on one line (got "${raw.replace(/[\u0000-\u001f\u007f]/g, "?")}").`);
  };
  if (/[\u0000-\u001f\u007f]/.test(raw)) return fail();
  const named = /^(.*?)\s*<([^<>]+)>$/.exec(raw);
  const name = named ? named[1]!.replace(/^"(.*)"$/, "$1").trim() : "";
  const address = named ? named[2]!.trim() : raw;
  if (named && name && !DISPLAY_NAME.test(name)) return fail();
  if (address.length > 254 || !z.email().safeParse(address).success) return fail();
  return { name, address };
}

/** SMTP_URL, MAIL_FROM and MAIL_PRODUCT_NAME (README "Email"). */
export function parseMailSettings(env: Env, orgUrl: string): MailSettings {
  const productName = parseProductName(env);
  return { smtp: parseSmtpUrl(read(env, "SMTP_URL")), from: parseMailFrom(read(env, "MAIL_FROM"), productName, orgUrl), productName };
}
