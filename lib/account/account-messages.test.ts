import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import { SUPPORTED_LOCALES } from "../i18n/locales";
import { ACCOUNT_MESSAGES } from "./account-messages";

type Element = { type: number; value?: unknown; options?: Record<string, { value: Element[] }> };
/** ICU MessageFormat's literal text element (intl-messageformat's AST; 0 in its TYPE enum). */
const LITERAL = 0;
const parse = (message: string) => new IntlMessageFormat(message, "en").getAst() as Element[];

/** The placeholder names of an ICU message (plural branches included). */
function placeholders(elements: Element[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type !== LITERAL && typeof element.value === "string") into.add(element.value);
    for (const option of Object.values(element.options ?? {})) placeholders(option.value, into);
  }
  return into;
}

describe("ACCOUNT_MESSAGES", () => {
  const keys = Object.keys(ACCOUNT_MESSAGES.en) as Array<keyof typeof ACCOUNT_MESSAGES.en>;
  it.each(SUPPORTED_LOCALES.filter((locale) => locale !== "en"))("%s: every message parses and has the English placeholders, and is translated", (locale) => {
    for (const key of keys) {
      const english = [...placeholders(parse(ACCOUNT_MESSAGES.en[key]))].sort();
      expect([key, [...placeholders(parse(ACCOUNT_MESSAGES[locale][key]))].sort()]).toEqual([key, english]);
    }
    const same = keys.filter((key) => ACCOUNT_MESSAGES[locale][key] === ACCOUNT_MESSAGES.en[key]);
    // names that read the same in every language
    expect(same.filter((key) => !["nav.apps", "apps.title", "nav.sessions", "sessions.title", "sessions.client"].includes(key))).toEqual([]);
  });
});
