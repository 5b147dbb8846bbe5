import { newId } from "../../ids/new-id";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { prismaErrorCode } from "../../db/prisma-error-code";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { assertTrustedOriginFree, duplicateOriginError } from "./assert-trusted-origin-free";
import { trustedOriginInput, trustedOriginScopeData, type TrustedOriginBody } from "./trusted-origin-input";
import { trustedOriginJson } from "./trusted-origin-json";
import { trustedOriginLogTarget } from "./trusted-origin-log-target";

/** POST /api/v1/trustedOrigins {name, origin, scopes} -> 200 (SDK createTrustedOrigin), ACTIVE. */
export async function createTrustedOrigin(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runCreateTrustedOrigin(ctx, () => readJsonBody<TrustedOriginBody>(ctx.request)) };
}

/** createTrustedOrigin as a typed operation. */
export async function runCreateTrustedOrigin(ctx: OperationContext, body: Deferred<TrustedOriginBody>) {
  const input = parseInput(trustedOriginInput, body(), "trustedOrigin");
  const now = ctx.now();
  let origin;
  try {
    origin = await ctx.db.$transaction(async (tx) => {
      await assertTrustedOriginFree(tx, input, null);
      const created = await tx.trustedOrigin.create({
        data: {
          id: newId("trustedOrigin"),
          name: input.name,
          origin: input.origin,
          status: "ACTIVE",
          ...trustedOriginScopeData(input),
          createdBy: ctx.actor.userId,
          lastUpdatedBy: ctx.actor.userId,
          created: now,
          lastUpdated: now,
        },
      });
      await audit(tx, ctx, "trustedorigins.lifecycle.create", `Create trusted origin ${created.name} (${created.origin})`, [trustedOriginLogTarget(created)]);
      return created;
    });
  } catch (error) {
    throw prismaErrorCode(error) === "P2002" ? duplicateOriginError(input.origin) : error;
  }
  return trustedOriginJson(ctx.orgUrl, origin);
}
