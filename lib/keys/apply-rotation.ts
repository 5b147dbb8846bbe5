import { AUTO_ROTATION_DAYS } from "./is-rotation-due";
import type { Db, DbTx } from "../db/create-db-client";
import { generateSigningKey, type NewSigningKey } from "./generate-signing-key";
import { ID_TOKEN_LIFETIME_SECONDS, MAX_ACCESS_TOKEN_LIFETIME_MS } from "../oauth/tokens/token-lifetimes";

const DAY_MS = 86_400_000;

/**
 * How long a key stays published after it stops signing: a token it signed just before the
 * rotation must still verify until that token expires.
 */
export const EXPIRED_KEY_PUBLISH_MS = Math.max(MAX_ACCESS_TOKEN_LIFETIME_MS, ID_TOKEN_LIFETIME_SECONDS * 1000);

/** Okta's System Log event type for a signing key rollover of a custom authorization server. */
export const KEY_ROLLOVER_EVENT = "app.oauth2.as.key.rollover";

/** "always": an explicit rotation. "due": only while the server is AUTO and nextRotation has come. */
export type RotationCondition = "always" | "due";

class LostRotation extends Error {
  constructor() {
    super("another rotation of this authorization server won");
  }
}

type KeyPair = { active: string | null; next: string | null };

/** Writes a rotation's System Log event inside its transaction, so the event commits with the rotation or not at all. */
export type RecordRotation = (tx: DbTx, activeKid: string | null) => Promise<void>;

async function currentKids(db: Db | DbTx, authServerId: string): Promise<KeyPair> {
  const keys = await db.signingKey.findMany({ where: { authServerId, status: { in: ["ACTIVE", "NEXT"] } }, select: { kid: true, status: true } });
  return { active: keys.find((k) => k.status === "ACTIVE")?.kid ?? null, next: keys.find((k) => k.status === "NEXT")?.kid ?? null };
}

function keyRow(key: NewSigningKey, authServerId: string, now: Date) {
  return { kid: key.kid, authServerId, alg: key.alg, publicJwk: key.publicJwk, privateKeyEncrypted: key.privateKeyEncrypted, created: now };
}

/**
 * One rotation of an authorization server's keys: ACTIVE -> EXPIRED (published for
 * EXPIRED_KEY_PUBLISH_MS more), NEXT -> ACTIVE, a fresh key -> NEXT; lastRotated = now, and in AUTO
 * mode nextRotation = now + 90 days; EXPIRED keys no longer needed deleted (the database bumps configVersion).
 *
 * Safe across instances. RSA keys are generated before the transaction. Inside it, the first
 * statement is a conditional update of the server row: it takes the row's write lock, so rotations
 * of one server run one at a time, and for "due" its WHERE (AUTO, nextRotation <= now) is checked
 * again against the committed row once a concurrent winner has released the lock. Then the keys are
 * read again: if they are not the ones this call saw before generating (another instance rotated
 * in between), the transaction is rolled back and this call reports that it did not rotate.
 *
 * Returns true when this call rotated; false when the server is gone, the condition no longer
 * holds, or a concurrent rotation won. `record` writes the rotation's audit event in the transaction.
 */
export async function applyRotation(
  db: Db,
  authServerId: string,
  secretsKey: Buffer,
  now: Date,
  condition: RotationCondition,
  record?: RecordRotation,
): Promise<boolean> {
  const seen = await currentKids(db, authServerId);
  // One fresh key becomes NEXT; a second one is needed only when there is no NEXT to promote.
  const fresh = await Promise.all(Array.from({ length: seen.next ? 1 : 2 }, () => generateSigningKey(secretsKey)));
  try {
    await db.$transaction(async (tx) => {
      const claimed = await tx.authorizationServer.updateMany({
        where: { id: authServerId, ...(condition === "due" ? { rotationMode: "AUTO", nextRotation: { lte: now } } : {}) },
        data: { lastRotated: now, lastUpdated: now },
      });
      if (claimed.count !== 1) throw new LostRotation();

      const current = await currentKids(tx, authServerId);
      if (current.active !== seen.active || current.next !== seen.next) throw new LostRotation();

      if (current.active) {
        const expired = await tx.signingKey.updateMany({
          where: { kid: current.active, authServerId, status: "ACTIVE" },
          data: { status: "EXPIRED", expired: now, publishUntil: new Date(now.getTime() + EXPIRED_KEY_PUBLISH_MS) },
        });
        if (expired.count !== 1) throw new LostRotation();
      }
      const [newNext, newActive] = fresh;
      if (current.next) {
        const promoted = await tx.signingKey.updateMany({ where: { kid: current.next, authServerId, status: "NEXT" }, data: { status: "ACTIVE", activated: now } });
        if (promoted.count !== 1) throw new LostRotation();
      } else if (newActive) {
        await tx.signingKey.create({ data: { ...keyRow(newActive, authServerId, now), status: "ACTIVE", activated: now } });
      }
      if (newNext) await tx.signingKey.create({ data: { ...keyRow(newNext, authServerId, now), status: "NEXT" } });

      const server = await tx.authorizationServer.findUniqueOrThrow({ where: { id: authServerId }, select: { rotationMode: true } });
      await tx.authorizationServer.update({
        where: { id: authServerId },
        data: { nextRotation: server.rotationMode === "AUTO" ? new Date(now.getTime() + AUTO_ROTATION_DAYS * DAY_MS) : null, lastUpdated: now },
      });
      await tx.signingKey.deleteMany({ where: { authServerId, status: "EXPIRED", OR: [{ publishUntil: null }, { publishUntil: { lte: now } }] } });
      if (record) await record(tx, current.next ?? newActive?.kid ?? null);
    });
    // Spec: after a rotation the server "immediately issues tokens signed with the new active key":
    // its configVersion moved with the keys (lib/db/cache-topics.ts), here at once.
    return true;
  } catch (error) {
    if (error instanceof LostRotation) return false;
    throw error;
  }
}
