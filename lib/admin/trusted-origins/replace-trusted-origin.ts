import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { findTrustedOrigin } from "../../trusted-origins/find-trusted-origin";
import { updateTrustedOrigin } from "../../trusted-origins/update-trusted-origin";
import { trustedOriginFields, trustedOriginInput, type TrustedOriginBody } from "./trusted-origin-input";
import { trustedOriginJson } from "./trusted-origin-json";
import { trustedOriginLogTarget } from "./trusted-origin-log-target";

/** PUT /api/v1/trustedOrigins/:trustedOriginId {name, origin, scopes} -> 200; the status is kept. */
export async function replaceTrustedOrigin(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runReplaceTrustedOrigin(ctx, ctx.request.params.trustedOriginId ?? "", () => readJsonBody<TrustedOriginBody>(ctx.request)) };
}

/** replaceTrustedOrigin as a typed operation. */
export async function runReplaceTrustedOrigin(ctx: OperationContext, trustedOriginId: string, body: Deferred<TrustedOriginBody>) {
  const current = await findTrustedOrigin(ctx.db, trustedOriginId);
  const input = parseInput(trustedOriginInput, body(), "trustedOrigin");
  const origin = await updateTrustedOrigin(ctx.db, { id: current.id, ...trustedOriginFields(input), actorId: ctx.actor.userId, now: ctx.now() }, (tx, updated) =>
    audit(tx, ctx, "trustedorigins.lifecycle.update", `Update trusted origin ${updated.name} (${updated.origin})`, [trustedOriginLogTarget(updated)], {
      previousOrigin: current.origin,
    }),
  );
  return trustedOriginJson(ctx.orgUrl, origin);
}
