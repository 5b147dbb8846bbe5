import { createAuthorizationServerRecords } from "../../authorization-servers/create-authorization-server-records";
import { newId } from "../../ids/new-id";
import { generateSigningKey } from "../../keys/generate-signing-key";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { authorizationServerInput, type AuthorizationServerBody } from "./authorization-server-input";
import { authorizationServerJson } from "./authorization-server-json";
import { findAuthorizationServer } from "./find-authorization-server";

/** POST /api/v1/authorizationServers -> 201, rotation mode AUTO, ACTIVE + NEXT keys, system scopes and claims. */
export async function createAuthorizationServer(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 201, body: await runCreateAuthorizationServer(ctx, () => readJsonBody<AuthorizationServerBody>(ctx.request)) };
}

/** createAuthorizationServer as a typed operation. */
export async function runCreateAuthorizationServer(ctx: OperationContext, body: Deferred<AuthorizationServerBody>) {
  const input = parseInput(authorizationServerInput, body(), "authorizationServer");
  const [active, next] = await Promise.all([generateSigningKey(ctx.secretsKey), generateSigningKey(ctx.secretsKey)]);
  const id = newId("authorizationServer");
  const now = ctx.now();
  const server = await ctx.db.$transaction(async (tx) => {
    await createAuthorizationServerRecords(tx, { id, name: input.name, description: input.description ?? null, audiences: input.audiences }, { active, next }, now);
    if (input.credentials?.signing?.rotationMode === "MANUAL") {
      await tx.authorizationServer.update({ where: { id }, data: { rotationMode: "MANUAL", nextRotation: null, lastUpdated: now } });
    }
    const created = await findAuthorizationServer(tx, id);
    await audit(tx, ctx, "oauth2.as.created", `Created authorization server ${created.name}`, [{ id, type: "AuthorizationServer", displayName: created.name }]);
    return created;
  });
  return authorizationServerJson(ctx.orgUrl, server, active.kid);
}
