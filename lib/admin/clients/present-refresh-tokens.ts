import type { App, AuthorizationServer } from "../../db/generated/sqlite/client";
import type { AdminContext } from "../admin-request";
import { embeddedScopes, refreshTokenJson, type RefreshTokenWithFamily } from "./refresh-token-json";

/** Renders refresh tokens with their users (one query) and, for `expand=scope`, their scopes (one more). */
export async function presentRefreshTokens(ctx: AdminContext, server: AuthorizationServer, app: App, tokens: RefreshTokenWithFamily[]) {
  const userIds = [...new Set(tokens.map((token) => token.family.userId))];
  const users = userIds.length ? await ctx.db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, login: true, profile: true } }) : [];
  const expandScopes = ctx.request.url.searchParams.getAll("expand").some((value) => value.split(",").includes("scope"));
  const names = [...new Set(tokens.flatMap((token) => token.family.scopes as string[]))];
  const scopes = expandScopes && names.length
    ? await ctx.db.scope.findMany({ where: { authServerId: server.id, nameLower: { in: names.map((name) => name.toLowerCase()) } } })
    : [];
  return tokens.map((token) =>
    refreshTokenJson(
      ctx.orgUrl,
      server,
      app,
      token,
      users.find((user) => user.id === token.family.userId) ?? null,
      expandScopes ? { scopes: embeddedScopes(ctx.orgUrl, server, token.family.scopes as string[], scopes) } : undefined,
    ),
  );
}
