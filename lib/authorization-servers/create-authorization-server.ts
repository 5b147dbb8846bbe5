import type { AuthorizationServer } from "../db/generated/sqlite/client";
import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import { newId } from "../ids/new-id";
import { generateSigningKey } from "../keys/generate-signing-key";
import { createAuthorizationServerRecords } from "./create-authorization-server-records";
import { findAuthorizationServer } from "./find-authorization-server";

export type NewAuthorizationServer = {
  name: string;
  description: string | null;
  audiences: string[];
  /** AUTO when omitted (Okta's default) */
  rotationMode?: "AUTO" | "MANUAL" | null;
};

/**
 * A new authorization server as Okta creates one (createAuthorizationServerRecords), in the rotation
 * mode asked for: MANUAL clears the schedule. The keys are generated before the transaction (RSA
 * generation is slow). Returns the server and the kid of its ACTIVE key.
 */
export async function createAuthorizationServer(
  db: Db,
  secretsKey: Buffer,
  input: NewAuthorizationServer,
  now: Date,
  record: RecordChange<AuthorizationServer>,
): Promise<{ server: AuthorizationServer; activeKid: string }> {
  const [active, next] = await Promise.all([generateSigningKey(secretsKey), generateSigningKey(secretsKey)]);
  const id = newId("authorizationServer");
  const server = await db.$transaction(async (tx) => {
    await createAuthorizationServerRecords(tx, { id, name: input.name, description: input.description, audiences: input.audiences }, { active, next }, now);
    if (input.rotationMode === "MANUAL") {
      await tx.authorizationServer.update({ where: { id }, data: { rotationMode: "MANUAL", nextRotation: null, lastUpdated: now } });
    }
    const created = await findAuthorizationServer(tx, id);
    await record(tx, created);
    return created;
  });
  return { server, activeKid: active.kid };
}
