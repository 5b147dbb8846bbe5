import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import type { Catalog } from "./define-catalog";
import { SUPPORTED_LOCALES } from "./locales";

/** The placeholders of a parsed message: `name:kind` (argument, number, date, time, select, plural, tag), and a select's options. */
function placeholders(elements: MessageFormatElement[], into: Set<string>): Set<string> {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        into.add(`${element.value}:argument`);
        break;
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        into.add(`${element.value}:${TYPE[element.type]}`);
        break;
      case TYPE.select:
        into.add(`${element.value}:select(${Object.keys(element.options).sort().join("|")})`);
        for (const option of Object.values(element.options)) placeholders(option.value, into);
        break;
      case TYPE.plural:
        // plural categories differ between languages (one/other, one/many/other): only the argument must match
        into.add(`${element.value}:plural`);
        for (const option of Object.values(element.options)) placeholders(option.value, into);
        break;
      case TYPE.tag:
        into.add(`<${element.value}>:tag`);
        placeholders(element.children, into);
        break;
      default:
        break;
    }
  }
  return into;
}

/**
 * What is wrong with a catalog (empty: nothing): every supported locale present and no other, the
 * same keys as English in each, every message non-empty ICU MessageFormat (the parser
 * intl-messageformat uses; a plural needs `other`), and every translation with exactly English's
 * placeholders (names, kinds, select options).
 */
export function checkCatalog(catalog: Catalog): string[] {
  const problems: string[] = [];
  const locales = Object.keys(catalog);
  for (const locale of SUPPORTED_LOCALES) if (!locales.includes(locale)) problems.push(`locale ${locale} is missing`);
  for (const locale of locales) if (!(SUPPORTED_LOCALES as readonly string[]).includes(locale)) problems.push(`locale ${locale} is not supported`);
  const english = catalog.en ?? {};
  const keys = Object.keys(english);
  const expected = new Map<string, string>();
  for (const locale of SUPPORTED_LOCALES) {
    const messages: Record<string, string> = catalog[locale] ?? {};
    for (const key of keys) if (!Object.hasOwn(messages, key)) problems.push(`${locale}: key ${key} is missing`);
    for (const key of Object.keys(messages)) if (!Object.hasOwn(english, key)) problems.push(`${locale}: key ${key} is not in en`);
    for (const [key, message] of Object.entries(messages)) {
      if (typeof message !== "string" || message.trim() === "") {
        problems.push(`${locale}: ${key} is empty`);
        continue;
      }
      let found: string;
      try {
        found = [...placeholders(parse(message, { requiresOtherClause: true }), new Set())].sort().join(", ");
      } catch (error) {
        problems.push(`${locale}: ${key} is not ICU MessageFormat (${error instanceof Error ? error.message : String(error)})`);
        continue;
      }
      if (locale === "en") expected.set(key, found);
      else if (expected.has(key) && expected.get(key) !== found) problems.push(`${locale}: ${key} has placeholders [${found}], en has [${expected.get(key)}]`);
    }
  }
  return problems;
}
