import { IntlMessageFormat } from "intl-messageformat";
import type { Catalog } from "./define-catalog";
import type { Locale } from "./locales";

export type MessageValues = Record<string, string | number | Date>;

// Parsing an ICU message costs more than formatting it: each (locale, message) is parsed once.
const compiled = new Map<string, IntlMessageFormat>();

/** Formats one catalog message in the given locale (ICU MessageFormat via intl-messageformat). */
export function formatMessage<K extends string>(catalog: Catalog<K>, locale: Locale, key: K, values?: MessageValues): string {
  const source = catalog[locale][key];
  const cacheKey = `${locale}\u0000${source}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(source, locale);
    compiled.set(cacheKey, format);
  }
  return String(format.format(values));
}

/** A translator bound to one catalog and locale: `t("signin.title")`. */
export function createTranslator<K extends string>(catalog: Catalog<K>, locale: Locale): (key: K, values?: MessageValues) => string {
  return (key, values) => formatMessage(catalog, locale, key, values);
}
