import { z } from "zod";
import { usesClientSecret } from "../../../apps/client-metadata";
import { addClientSecret, MAX_CLIENT_SECRETS } from "../../../apps/add-client-secret";
import { findApp } from "../../../apps/find-app";
import { validationError } from "../../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, OperationContext, Deferred } from "../../admin-request";
import { parseInput, type BodyOf } from "../../../okta-api/parse-input";
import { readJsonBody} from "../../../okta-api/read-json-body";
import { BROUGHT_SECRET } from "../app-input";
import { secretTakenError } from "../secret-taken-error";
import { clientSecretJson } from "./client-secret-json";
import { auditSecretChange } from "./secret-audit";

const secretBody = z.object({
  client_secret: z
    .string({ error: "Must be a string." })
    .regex(BROUGHT_SECRET, "A client secret must be 32 to 256 printable ASCII characters, without spaces.")
    .nullish(),
  status: z.enum(["ACTIVE", "INACTIVE"], { error: "status must be ACTIVE or INACTIVE." }).nullish(),
});

/**
 * POST /api/v1/apps/:appId/credentials/secrets {client_secret?, status?} -> 201 OAuth2ClientSecret
 * with the full secret, shown this once. Generated (384 bits) unless the caller brings one. At
 * most two secrets per app (so at most two ACTIVE ones): rotation is create, switch clients over,
 * deactivate and delete the old one.
 */
export async function createAppClientSecret(ctx: AdminContext): Promise<AdminResponse> {
  const appId = ctx.request.params.appId ?? "";
  return { status: 201, body: await runCreateAppClientSecret(ctx, appId, () => readJsonBody<SecretBody>(ctx.request, { optional: true })) };
}

export type SecretBody = BodyOf<typeof secretBody>;

/** createAppClientSecret as a typed operation: the new secret in full, shown this once. */
export async function runCreateAppClientSecret(ctx: OperationContext, appId: string, body: Deferred<SecretBody> = () => ({})) {
  const app = await findApp(ctx.db, appId);
  const input = parseInput(secretBody, body(), "client_secret");
  if (!usesClientSecret(app.tokenEndpointAuthMethod)) {
    throw validationError("client_secret", [`client_secret: This application authenticates with ${app.tokenEndpointAuthMethod}; it has no client secrets.`]);
  }
  const created = await addClientSecret(
    ctx.db,
    ctx.secretsKey,
    { appId: app.id, secret: input.client_secret ?? null, status: input.status ?? "ACTIVE", now: ctx.now() },
    (tx, secretId) => auditSecretChange(tx, ctx, app, secretId, "create"),
  );
  if (created === "secret-taken") throw secretTakenError("client_secret");
  if (created === "too-many") {
    throw validationError("client_secret", [`client_secret: An application can have at most ${MAX_CLIENT_SECRETS} client secrets; delete an INACTIVE one first.`]);
  }
  if (created === "duplicate") throw validationError("client_secret", ["client_secret: This application already has this client secret."]);
  return clientSecretJson(ctx.orgUrl, created.row, created.secret);
}
