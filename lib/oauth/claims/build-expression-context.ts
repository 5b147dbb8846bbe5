import type { ElContext } from "../../el";
import type { ClaimsApp, ClaimsUser, ExpressionContextExtras } from "./types";

/**
 * The Okta EL context custom claims are evaluated against (pure):
 * - `user`: the profile attributes, plus `id` and `status` (which win over profile attributes of
 *   those names) and `login` when the profile lacks it; null without a user (client_credentials);
 * - `appuser`: null unless the caller supplies app-user profiles;
 * - `app`: {id, clientId, profile};
 * - `access`: {scope: the granted scopes};
 * - `org`: what the caller supplies, else {};
 * - `groups`: the user's groups (for isMemberOf* and Groups.*);
 * - `now`: the token's issue time (Time.now()).
 */
export function buildExpressionContext(input: {
  user: ClaimsUser | null;
  app: ClaimsApp;
  scopes: readonly string[];
  now: Date;
  extras?: ExpressionContextExtras;
}): ElContext {
  const { user, app } = input;
  return {
    user: user ? { login: user.login, ...user.profile, id: user.id, status: user.status } : null,
    appuser: input.extras?.appuser ?? null,
    app: { id: app.id, clientId: app.clientId, ...(app.profile ? { profile: app.profile } : {}) },
    access: { scope: [...input.scopes] },
    org: input.extras?.org ?? {},
    groups: user?.groups ?? [],
    now: input.now,
  };
}
