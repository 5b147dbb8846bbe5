import { randomBytes } from "node:crypto";
import { hashToken } from "../crypto/hash-token";
import { randomToken } from "../crypto/random-token";
import type { Db } from "../db/create-db-client";
import { readCookieValues } from "../http/read-cookie";

/** The remembered-device cookie's name. */
export const DEVICE_COOKIE_NAME = "idp_device";

/** What rememberDevice puts in the cookie: randomToken(32), 43 base64url characters. */
const COOKIE_VALUE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Remembers the browser of a user who just verified a factor (the sign-on rule's DEVICE prompt
 * mode, "remember this device"): a new random cookie value (256 bits), stored as its SHA-256 for
 * this user until now + lifetimeMinutes (the rule's factorLifetime). Returns the cookie value
 * (deviceCookie makes the Set-Cookie header).
 */
export async function rememberDevice(db: Db, input: { userId: string; now: Date; lifetimeMinutes: number; random?: (size: number) => Buffer }): Promise<string> {
  const cookieValue = randomToken(32, input.random ?? randomBytes);
  await db.rememberedDevice.create({
    data: { tokenHash: hashToken(cookieValue), userId: input.userId, expiresAt: new Date(input.now.getTime() + input.lifetimeMinutes * 60_000), created: input.now },
    select: { tokenHash: true },
  });
  return cookieValue;
}

/** Whether the cookie value names a remembered device of this user that has not expired (only its SHA-256 is looked up). */
export async function isDeviceRemembered(db: Db, input: { userId: string; cookieValue: string | null; now: Date }): Promise<boolean> {
  if (!input.cookieValue || !COOKIE_VALUE.test(input.cookieValue)) return false;
  const row = await db.rememberedDevice.findUnique({ where: { tokenHash: hashToken(input.cookieValue) }, select: { userId: true, expiresAt: true } });
  return row !== null && row.userId === input.userId && row.expiresAt.getTime() > input.now.getTime();
}

/** The remembered-device cookie's value from a Cookie header: exactly one, of our shape; else null. */
export function readDeviceCookie(cookieHeader: string | null): string | null {
  const values = readCookieValues(cookieHeader, DEVICE_COOKIE_NAME);
  return values.length === 1 && COOKIE_VALUE.test(values[0]!) ? values[0]! : null;
}

/**
 * The Set-Cookie value of a remembered device: HttpOnly, Path=/, SameSite=Lax (only the org's own
 * pages read it), Secure over https, for `maxAgeSeconds` (the memory's lifetime).
 */
export function deviceCookie(value: string, opts: { orgUrl: string; maxAgeSeconds: number }): string {
  if (!COOKIE_VALUE.test(value)) throw new Error("A device cookie value is 43 base64url characters.");
  const secure = opts.orgUrl.toLowerCase().startsWith("https://") ? "; Secure" : "";
  return `${DEVICE_COOKIE_NAME}=${value}; Max-Age=${Math.max(0, Math.floor(opts.maxAgeSeconds))}; Path=/; HttpOnly${secure}; SameSite=Lax`;
}
