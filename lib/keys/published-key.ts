import type { Prisma } from "../db/generated/sqlite/client";

export type SigningKeyStatus = "ACTIVE" | "NEXT" | "EXPIRED";

/** A public signing key as JWKS publishes it (the fields Okta's SDKs and jwks-rsa read). */
export type PublicSigningJwk = { kty: "RSA"; alg: "RS256"; kid: string; use: "sig"; n: string; e: string };

/** A key of an authorization server that is published: ACTIVE, NEXT, or EXPIRED but still needed. */
export type PublishedKey = {
  kid: string;
  status: SigningKeyStatus;
  jwk: PublicSigningJwk;
  created: Date;
  activated: Date | null;
  expired: Date | null;
  /** EXPIRED keys only: published until then */
  publishUntil: Date | null;
};

type KeyRow = {
  kid: string;
  status: string;
  publicJwk: Prisma.JsonValue;
  created: Date;
  activated: Date | null;
  expired: Date | null;
  publishUntil: Date | null;
};

/** The columns toPublishedKey reads. */
export const PUBLISHED_KEY_SELECT = { kid: true, status: true, publicJwk: true, created: true, activated: true, expired: true, publishUntil: true } as const;

/**
 * Which keys are published at `now`: ACTIVE and NEXT always; EXPIRED while a token it signed can
 * still be alive (publishUntil in the future).
 */
export function publishedKeyWhere(now: Date) {
  return {
    OR: [{ status: { in: ["ACTIVE", "NEXT"] } }, { status: "EXPIRED", publishUntil: { gt: now } }],
  } satisfies Prisma.SigningKeyWhereInput;
}

const STATUS_ORDER: Record<SigningKeyStatus, number> = { ACTIVE: 0, NEXT: 1, EXPIRED: 2 };

/** ACTIVE first, then NEXT, then EXPIRED (most recently expired first), as Okta lists them. */
export function comparePublishedKeys(a: PublishedKey, b: PublishedKey): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    (b.expired?.getTime() ?? 0) - (a.expired?.getTime() ?? 0) ||
    b.created.getTime() - a.created.getTime() ||
    (a.kid < b.kid ? -1 : a.kid > b.kid ? 1 : 0)
  );
}

export function toPublishedKey(row: KeyRow): PublishedKey {
  const publicJwk = row.publicJwk as { n: string; e: string };
  return {
    kid: row.kid,
    status: row.status as SigningKeyStatus,
    jwk: { kty: "RSA", alg: "RS256", kid: row.kid, use: "sig", n: publicJwk.n, e: publicJwk.e },
    created: row.created,
    activated: row.activated,
    expired: row.expired,
    publishUntil: row.publishUntil,
  };
}
