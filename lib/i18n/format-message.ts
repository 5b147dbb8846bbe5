import { IntlMessageFormat } from "intl-messageformat";
import type { Catalog } from "./define-catalog";
import type { Locale } from "./locales";

export type MessageValues = Record<string, string | number | Date>;

// Parsing an ICU message costs more than formatting it: each (locale, message) is parsed once.
const compiled = new Map<string, IntlMessageFormat>();

/** Formats one catalog message in the given locale (ICU MessageFormat via intl-messageformat). */
export function formatMessage<K extends string>(catalog: Catalog<K>, locale: Locale, key: K, values?: MessageValues): string {
  return String(compile(catalog[locale][key], locale).format(values));
}

function compile(source: string, locale: Locale): IntlMessageFormat {
  const cacheKey = `${locale}\u0000${source}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(source, locale);
    compiled.set(cacheKey, format);
  }
  return format;
}

/** A translator bound to one catalog and locale: `t("signin.title")`. */
export function createTranslator<K extends string>(catalog: Catalog<K>, locale: Locale): (key: K, values?: MessageValues) => string {
  return (key, values) => formatMessage(catalog, locale, key, values);
}

/**
 * A message whose values may be more than text (e.g. React elements: `{app}` as a bold name): the
 * parts in order, strings and the values given, for a page to render side by side.
 */
export function formatParts<K extends string, T>(catalog: Catalog<K>, locale: Locale, key: K, values: Record<string, string | number | T>): Array<string | T> {
  const result = compile(catalog[locale][key], locale).format<T>(values);
  return (Array.isArray(result) ? result : [result]) as Array<string | T>;
}
