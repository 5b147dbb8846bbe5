import { addTrustedOrigin } from "../../trusted-origins/add-trusted-origin";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { trustedOriginFields, trustedOriginInput, type TrustedOriginBody } from "./trusted-origin-input";
import { trustedOriginJson } from "./trusted-origin-json";
import { trustedOriginLogTarget } from "./trusted-origin-log-target";

/** POST /api/v1/trustedOrigins {name, origin, scopes} -> 200 (SDK createTrustedOrigin), ACTIVE. */
export async function createTrustedOrigin(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runCreateTrustedOrigin(ctx, () => readJsonBody<TrustedOriginBody>(ctx.request)) };
}

/** createTrustedOrigin as a typed operation. */
export async function runCreateTrustedOrigin(ctx: OperationContext, body: Deferred<TrustedOriginBody>) {
  const input = parseInput(trustedOriginInput, body(), "trustedOrigin");
  const origin = await addTrustedOrigin(ctx.db, { ...trustedOriginFields(input), actorId: ctx.actor.userId, now: ctx.now() }, (tx, created) =>
    audit(tx, ctx, "trustedorigins.lifecycle.create", `Create trusted origin ${created.name} (${created.origin})`, [trustedOriginLogTarget(created)]),
  );
  return trustedOriginJson(ctx.orgUrl, origin);
}
