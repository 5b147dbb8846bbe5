import type { Policy } from "../../db/generated/sqlite/client";
import type { Db } from "../../db/create-db-client";
import type { RecordChange } from "../../db/record-change";
import { newId } from "../../ids/new-id";
import { changePolicies } from "./change-policies";
import { checkPolicyClients } from "./check-policy-clients";
import type { PolicyFields } from "./policy-fields";
import { placeAmongSiblings } from "./place-among-siblings";
import { POLICIES } from "./sibling-lists";

/** Adds an access policy to a server, at `priority` (the others shift down) or last. Its clients must exist (E0000001). */
export async function createPolicy(db: Db, authServerId: string, fields: PolicyFields, now: Date, record: RecordChange<Policy>): Promise<Policy> {
  await checkPolicyClients(db, fields.clientsInclude);
  return changePolicies(db, authServerId, now, record, async (tx) => {
    const priority = await placeAmongSiblings(tx, POLICIES, authServerId, fields.priority, now);
    return tx.policy.create({
      data: {
        id: newId("policy"),
        authServerId,
        type: "OAUTH_AUTHORIZATION_POLICY",
        name: fields.name,
        description: fields.description,
        status: fields.status ?? "ACTIVE",
        priority,
        system: false,
        clientsInclude: fields.clientsInclude,
        created: now,
        lastUpdated: now,
      },
    });
  });
}
