import type { ElContext, ElErrorCode } from "../../el";

/** The resource owner, as the token service read it (the caller loads memberships). */
export type ClaimsUser = {
  /** 00u... (ID token and userinfo `sub`, access token `uid`) */
  id: string;
  /** the Okta login (access token `sub`, `preferred_username`) */
  login: string;
  status: string;
  /** the Okta profile: firstName, lastName, email, locale, timezone, ... and custom attributes */
  profile: Record<string, unknown>;
  /**
   * The user's groups in the order GROUPS claims list them (and EL `groups` sees them). Membership
   * in the BUILT_IN group Everyone is implicit: include it here for GROUPS claims to see it.
   */
  groups: ReadonlyArray<{ id: string; name: string }>;
  /** for `updated_at` (profile scope); left out when absent */
  lastUpdated?: Date | null;
};

/** The client application (EL `app`). */
export type ClaimsApp = { id: string; clientId: string; profile?: Record<string, unknown> };

/** What the caller may add to the EL context: app-user profiles and org attributes. */
export type ExpressionContextExtras = Partial<Pick<ElContext, "appuser" | "org">>;

export type ClaimWarningCode =
  /** the stored EXPRESSION does not parse or the GROUPS filter does not compile */
  | "claim.invalid_definition"
  /** the name is a protocol claim, or one the token already carries */
  | "claim.reserved_name"
  /** the expression evaluated to null */
  | "claim.null_value"
  /** the expression failed at run time (el.type, el.not_a_number, ...) */
  | ElErrorCode;

/** A custom claim left out of a token; the caller writes it to the System Log. Never an exception. */
export type ClaimWarning = {
  claimId: string;
  claimName: string;
  claimType: "RESOURCE" | "IDENTITY";
  code: ClaimWarningCode;
  message: string;
};

export type ClaimsResult<T> = { claims: T; warnings: ClaimWarning[] };
