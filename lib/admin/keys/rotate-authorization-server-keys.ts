import { KEY_ROLLOVER_EVENT } from "../../keys/apply-rotation";
import { rotateKeys } from "../../keys/rotate-keys";
import { notFoundError, validationError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { findAuthorizationServer } from "../../authorization-servers/find-authorization-server";
import { readJsonBody } from "../../okta-api/read-json-body";
import { authorizationServerKeyJson } from "./authorization-server-key-json";

const invalidUse = () => validationError("rotateKeys", ["Invalid value specified for key 'use' parameter."]);

/** The body is optional; `use`, when given, must be "sig" (spec: "Can be only sig"). */
function checkRotateBody(body: unknown): void {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw invalidUse();
  const { use } = body as { use?: unknown };
  if (use !== undefined && use !== "sig") throw invalidUse();
}

/**
 * POST /api/v1/authorizationServers/:authServerId/credentials/lifecycle/keyRotate {"use":"sig"} ->
 * 200 with the keys after the rotation: ACTIVE -> EXPIRED, NEXT -> ACTIVE, a new NEXT. Works in
 * AUTO and MANUAL mode. When another instance rotates at the same moment, one rotation happens and
 * both requests answer with its result.
 */
export async function rotateAuthorizationServerKeys(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runRotateAuthorizationServerKeys(ctx, ctx.request.params.authServerId ?? "", () => readJsonBody<RotateKeysBody>(ctx.request, { optional: true })) };
}

export type RotateKeysBody = { use?: "sig" };

/** rotateAuthorizationServerKeys as a typed operation: the keys after the rotation. */
export async function runRotateAuthorizationServerKeys(ctx: OperationContext, authServerId: string, body: Deferred<RotateKeysBody> = () => ({})) {
  const server = await findAuthorizationServer(ctx.db, authServerId);
  checkRotateBody(body());
  const now = ctx.now();
  const { keys } = await rotateKeys(ctx.db, server.id, ctx.secretsKey, now, (tx, activeKid) =>
    audit(tx, ctx, KEY_ROLLOVER_EVENT, `Rotated the signing keys of authorization server ${server.name}`, [{ id: server.id, type: "AuthorizationServer", displayName: server.name }], {
      rotationMode: server.rotationMode,
      activeKid,
    }),
  );
  if (!keys) throw notFoundError(server.id, "AuthorizationServer");
  return keys.map((key) => authorizationServerKeyJson(ctx.orgUrl, server.id, key));
}
