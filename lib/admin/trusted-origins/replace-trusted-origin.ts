import { notFoundError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { prismaErrorCode } from "../../db/prisma-error-code";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { assertTrustedOriginFree, duplicateOriginError } from "./assert-trusted-origin-free";
import { findTrustedOrigin } from "./find-trusted-origin";
import { trustedOriginInput, trustedOriginScopeData, type TrustedOriginBody } from "./trusted-origin-input";
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
  const now = ctx.now();
  let origin;
  try {
    origin = await ctx.db.$transaction(async (tx) => {
      await assertTrustedOriginFree(tx, input, current.id);
      const updated = await tx.trustedOrigin.update({
        where: { id: current.id },
        data: { name: input.name, origin: input.origin, ...trustedOriginScopeData(input), lastUpdatedBy: ctx.actor.userId, lastUpdated: now },
      });
      await audit(tx, ctx, "trustedorigins.lifecycle.update", `Update trusted origin ${updated.name} (${updated.origin})`, [trustedOriginLogTarget(updated)], {
        previousOrigin: current.origin,
      });
      return updated;
    });
  } catch (error) {
    const code = prismaErrorCode(error);
    if (code === "P2002") throw duplicateOriginError(input.origin);
    if (code === "P2025") throw notFoundError(current.id, "TrustedOrigin"); // deleted meanwhile
    throw error;
  }
  return trustedOriginJson(ctx.orgUrl, origin);
}
