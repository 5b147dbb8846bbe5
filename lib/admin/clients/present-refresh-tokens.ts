import { findScopesByName } from "../../authorization-servers/scopes/find-scopes-by-name";
import type { App, AuthorizationServer } from "../../db/generated/sqlite/client";
import { findUsersById } from "../../users/find-users-by-id";
import type { AdminContext } from "../admin-request";
import { embeddedScopes, refreshTokenJson, type RefreshTokenWithFamily } from "./refresh-token-json";

/** Renders refresh tokens with their users (one query) and, for `expand=scope`, their scopes (one more). */
export async function presentRefreshTokens(ctx: AdminContext, server: AuthorizationServer, app: App, tokens: RefreshTokenWithFamily[]) {
  const users = await findUsersById(ctx.db, [...new Set(tokens.map((token) => token.family.userId))]);
  const expandScopes = ctx.request.url.searchParams.getAll("expand").some((value) => value.split(",").includes("scope"));
  const names = [...new Set(tokens.flatMap((token) => token.family.scopes as string[]))];
  const scopes = expandScopes ? await findScopesByName(ctx.db, server.id, names) : [];
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
