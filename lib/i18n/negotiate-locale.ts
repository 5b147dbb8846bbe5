import { DEFAULT_LOCALE, isSupportedLocale, type Locale } from "./locales";

/** At most this many language tags are read from a header or parameter (bounded work per request). */
const MAX_TAGS = 20;

/** "de-CH" -> "de"; returns a supported locale or undefined. */
function supportedBase(tag: string): Locale | undefined {
  const base = tag.trim().toLowerCase().split("-")[0] ?? "";
  return isSupportedLocale(base) ? base : undefined;
}

/** RFC 9110 12.5.4 Accept-Language: tags by descending q, ties in order; q=0 means "not acceptable". */
function acceptLanguageTags(header: string): string[] {
  return header
    .split(",")
    .slice(0, MAX_TAGS)
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.tag);
}

/**
 * The locale of a hosted page or email: the first supported tag of `ui_locales` (OIDC Core 3.1.2.1:
 * space-separated, in order of preference), then of Accept-Language, then the org's default.
 */
export function negotiateLocale(input: { uiLocales?: string | null; acceptLanguage?: string | null; orgDefault?: string | null }): Locale {
  for (const tag of (input.uiLocales ?? "").split(" ").slice(0, MAX_TAGS)) {
    const locale = tag ? supportedBase(tag) : undefined;
    if (locale) return locale;
  }
  for (const tag of acceptLanguageTags(input.acceptLanguage ?? "")) {
    const locale = supportedBase(tag);
    if (locale) return locale;
  }
  const orgDefault = input.orgDefault ? supportedBase(input.orgDefault) : undefined;
  return orgDefault ?? DEFAULT_LOCALE;
}
