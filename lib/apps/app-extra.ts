import { canonicalJson } from "./canonical-json";

/**
 * App.extra: the parts of Okta's app object this server stores as sent and echoes back (display
 * settings, notes, a custom profile); they do not affect OAuth. Only values that differ from the
 * defaults below are stored, so a client echoing the app object back changes nothing.
 */
export type AppExtra = {
  accessibility?: Record<string, unknown>;
  visibility?: Record<string, unknown>;
  profile?: Record<string, unknown>;
  settings?: { app?: Record<string, unknown>; notifications?: Record<string, unknown>; notes?: Record<string, unknown> };
};

export const DEFAULT_ACCESSIBILITY = { selfService: false, errorRedirectUrl: null, loginRedirectUrl: null };
export const DEFAULT_VISIBILITY = { autoLaunch: false, autoSubmitToolbar: false, hide: { iOS: true, web: true }, appLinks: { oidc_client_link: true } };
export const DEFAULT_NOTIFICATIONS = { vpn: { network: { connection: "DISABLED" }, message: null, helpUrl: null } };
export const DEFAULT_NOTES = { admin: null, enduser: null };

export function readAppExtra(value: unknown): AppExtra {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as AppExtra) : {};
}

type Sent = Record<string, unknown> | null | undefined;

/** What a create/replace body sends, reduced to what differs from the defaults. */
export function toAppExtra(sent: { accessibility: Sent; visibility: Sent; profile: Sent; app: Sent; notifications: Sent; notes: Sent }): AppExtra {
  const differs = (value: Sent, defaults: Record<string, unknown>, merge: boolean): value is Record<string, unknown> =>
    !!value && canonicalJson(merge ? { ...defaults, ...value } : value) !== canonicalJson(defaults);
  const extra: AppExtra = {};
  if (differs(sent.accessibility, DEFAULT_ACCESSIBILITY, true)) extra.accessibility = sent.accessibility;
  if (differs(sent.visibility, DEFAULT_VISIBILITY, true)) extra.visibility = sent.visibility;
  if (sent.profile) extra.profile = sent.profile;
  const settings: NonNullable<AppExtra["settings"]> = {};
  if (differs(sent.app, {}, false)) settings.app = sent.app;
  if (differs(sent.notifications, DEFAULT_NOTIFICATIONS, false)) settings.notifications = sent.notifications;
  if (differs(sent.notes, DEFAULT_NOTES, false)) settings.notes = sent.notes;
  if (Object.keys(settings).length) extra.settings = settings;
  return extra;
}
