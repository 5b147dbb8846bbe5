import { SYSTEM_SCOPES } from "../authorization-servers/system-scopes";
import type { ConsentScopeText } from "../consents/describe-consent-scopes";
import { formatMessage } from "../i18n/format-message";
import type { Locale } from "../i18n/locales";
import { CONSENT_MESSAGES, PLAIN_SCOPE_NAMES, type PlainScopeName } from "./consent-messages";

/** A scope as the consent page shows it: a title in plain words and what it means. */
export type ConsentScope = { name: string; displayName: string; description: string | null };

const isPlain = (name: string): name is PlainScopeName => (PLAIN_SCOPE_NAMES as readonly string[]).includes(name);

/** The texts an admin has not touched: a system scope's as the server created it, or none at all. */
function untouched(row: ConsentScopeText): boolean {
  if (row.displayName === null && row.description === null) return true;
  const created = row.system ? SYSTEM_SCOPES.find((scope) => scope.name === row.name) : undefined;
  return created !== undefined && (row.displayName === null || row.displayName === created.displayName || row.displayName === row.name) && (row.description === null || row.description === created.description);
}

/**
 * What the consent page says about each scope asked for, in `locale`:
 * - the well-known scopes (the system ones: openid, profile, email, address, phone,
 *   offline_access; and `groups`) whose texts the admin left as the server made them (or empty):
 *   the catalog's plain, translated words ("See your email address");
 * - any other scope, or one whose displayName or description the admin set (Scopes API): the
 *   admin's texts exactly as given, in every language (Okta's scope has one displayName and one
 *   description, no per-language variants); a scope without either: its name, and a sentence
 *   saying the organization named it so.
 */
export function consentScopeTexts(names: readonly string[], rows: readonly ConsentScopeText[], context: { locale: Locale; appLabel: string }): ConsentScope[] {
  const byName = new Map(rows.map((row) => [row.name, row]));
  const t = (key: keyof (typeof CONSENT_MESSAGES)["en"], values: Record<string, string>) => formatMessage(CONSENT_MESSAGES, context.locale, key, values);
  return names.map((name) => {
    const row = byName.get(name) ?? { name, displayName: null, description: null, system: false };
    if (isPlain(name) && untouched(row)) {
      return { name, displayName: t(`scope.${name}.title`, { app: context.appLabel }), description: t(`scope.${name}.description`, { app: context.appLabel }) };
    }
    if (!row.displayName && !row.description) return { name, displayName: name, description: t("scope.custom.description", { scope: name }) };
    return { name, displayName: row.displayName || name, description: row.description };
  });
}
