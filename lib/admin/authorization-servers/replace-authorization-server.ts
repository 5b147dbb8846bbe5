import { AUTO_ROTATION_DAYS } from "../../keys/is-rotation-due";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { authorizationServerInput, type AuthorizationServerBody } from "./authorization-server-input";
import { authorizationServerJson } from "./authorization-server-json";
import { activeKid, findAuthorizationServer } from "./find-authorization-server";

/**
 * PUT /api/v1/authorizationServers/:authServerId. Switching the rotation mode does not change the
 * active key (spec): MANUAL clears the schedule, AUTO schedules the next rotation 90 days after the
 * last one.
 */
export async function replaceAuthorizationServer(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runReplaceAuthorizationServer(ctx, ctx.request.params.authServerId ?? "", () => readJsonBody<AuthorizationServerBody>(ctx.request)) };
}

/** replaceAuthorizationServer as a typed operation. */
export async function runReplaceAuthorizationServer(ctx: OperationContext, authServerId: string, body: Deferred<AuthorizationServerBody>) {
  const current = await findAuthorizationServer(ctx.db, authServerId);
  const input = parseInput(authorizationServerInput, body(), "authorizationServer");
  const now = ctx.now();
  const rotationMode = input.credentials?.signing?.rotationMode ?? current.rotationMode;
  const lastRotated = current.lastRotated ?? now;
  const server = await ctx.db.$transaction(async (tx) => {
    const updated = await tx.authorizationServer.update({
      where: { id: current.id },
      data: {
        name: input.name,
        description: input.description ?? null,
        audiences: input.audiences,
        rotationMode,
        nextRotation:
          rotationMode === "MANUAL"
            ? null
            : current.rotationMode === "AUTO" && current.nextRotation
              ? current.nextRotation
              : new Date(Math.max(now.getTime(), lastRotated.getTime() + AUTO_ROTATION_DAYS * 86_400_000)),
        lastUpdated: now,
      },
    });
    await audit(tx, ctx, "oauth2.as.updated", `Updated authorization server ${updated.name}`, [{ id: updated.id, type: "AuthorizationServer", displayName: updated.name }]);
    return updated;
  });
  return authorizationServerJson(ctx.orgUrl, server, await activeKid(ctx.db, server.id));
}
