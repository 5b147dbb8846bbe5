import { hashToken } from "../crypto/hash-token";
import type { Db } from "../db/create-db-client";

/**
 * Okta's Authentication API `context.deviceToken` (okta-auth-js `signInWithCredentials({username,
 * password, context: {deviceToken}})`): an id the app keeps for the user's device and sends with
 * every primary authentication. Here it is a secret of the device: at least 32 URL-safe characters
 * (a random token or a UUID; Okta's own limit is 32, so a 32-character random token works with
 * both), at most 128.
 */
export const DEVICE_TOKEN = /^[A-Za-z0-9._~-]{32,128}$/;

/**
 * What is stored of a device token: the SHA-256 of the token bound to its user, so the same token
 * sent for another user names nothing, and a stolen database row reveals no token. Stored in the
 * same table as the remembered-device cookies (their hashes are of random 43-character values and
 * never collide with these).
 */
export function deviceTokenHash(userId: string, deviceToken: string): string {
  return hashToken(`authn-device-token ${userId} ${deviceToken}`);
}

/** Whether this user's device token (its hash, deviceTokenHash) names a remembered device that has not expired. */
export async function isDeviceTokenRemembered(db: Db, input: { userId: string; tokenHash: string | null; now: Date }): Promise<boolean> {
  if (!input.tokenHash) return false;
  const row = await db.rememberedDevice.findUnique({ where: { tokenHash: input.tokenHash }, select: { userId: true, expiresAt: true } });
  return row !== null && row.userId === input.userId && row.expiresAt.getTime() > input.now.getTime();
}

/**
 * Remembers the device a device token names after a verified factor (the verify call's
 * `rememberDevice`), until now + lifetimeMinutes (the sign-on rule's factor lifetime); remembering
 * it again moves the expiry.
 */
export async function rememberDeviceToken(db: Db, input: { userId: string; tokenHash: string; now: Date; lifetimeMinutes: number }): Promise<void> {
  const expiresAt = new Date(input.now.getTime() + input.lifetimeMinutes * 60_000);
  await db.rememberedDevice.upsert({
    where: { tokenHash: input.tokenHash },
    create: { tokenHash: input.tokenHash, userId: input.userId, expiresAt, created: input.now },
    update: { expiresAt },
    select: { tokenHash: true },
  });
}
