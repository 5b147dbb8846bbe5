import { z } from "zod";
import { usesClientSecret } from "../../../apps/client-metadata";
import { createClientSecret } from "../../../apps/create-client-secret";
import { hashToken } from "../../../crypto/hash-token";
import { validationError } from "../../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, OperationContext, Deferred } from "../../admin-request";
import { parseInput, type BodyOf } from "../../../okta-api/parse-input";
import { readJsonBody} from "../../../okta-api/read-json-body";
import { BROUGHT_SECRET } from "../app-input";
import { checkSecretFree } from "../check-secret-free";
import { findApp } from "../find-app";
import { lockApp } from "../lock-app";
import { clientSecretJson } from "./client-secret-json";
import { auditSecretChange } from "./secret-audit";

/** As Okta: "You can create up to two Secret objects". */
export const MAX_CLIENT_SECRETS = 2;

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
  if (input.client_secret) await checkSecretFree(ctx.db, app.id, input.client_secret, "client_secret");
  const now = ctx.now();
  const created = await ctx.db.$transaction(async (tx) => {
    await lockApp(tx, app.id);
    if ((await tx.clientSecret.count({ where: { appId: app.id } })) >= MAX_CLIENT_SECRETS) {
      throw validationError("client_secret", [`client_secret: An application can have at most ${MAX_CLIENT_SECRETS} client secrets; delete an INACTIVE one first.`]);
    }
    if (input.client_secret && (await tx.clientSecret.count({ where: { appId: app.id, secretHash: hashToken(input.client_secret) } }))) {
      throw validationError("client_secret", ["client_secret: This application already has this client secret."]);
    }
    const { id, secret } = await createClientSecret(tx, ctx.secretsKey, app.id, now, {
      ...(input.client_secret ? { secret: input.client_secret } : {}),
      status: input.status ?? "ACTIVE",
    });
    await auditSecretChange(tx, ctx, app, id, "create");
    return { row: await tx.clientSecret.findUniqueOrThrow({ where: { id } }), secret };
  });
  return clientSecretJson(ctx.orgUrl, created.row, created.secret);
}
