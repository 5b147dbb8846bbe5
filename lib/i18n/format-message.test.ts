import { describe, expect, it } from "vitest";
import { defineCatalog } from "./define-catalog";
import { createTranslator, formatMessage, formatParts } from "./format-message";

const catalog = defineCatalog({
  en: { hello: "Hello {name}", codes: "{count, plural, one {# code} other {# codes}} left" },
  de: { hello: "Hallo {name}", codes: "{count, plural, one {# Code} other {# Codes}} übrig" },
  fr: { hello: "Bonjour {name}", codes: "{count, plural, one {# code restant} other {# codes restants}}" },
});

describe("formatMessage", () => {
  it.each([
    ["en", "hello", { name: "Ada" }, "Hello Ada"],
    ["de", "hello", { name: "Ada" }, "Hallo Ada"],
    ["fr", "codes", { count: 1 }, "1 code restant"],
    ["en", "codes", { count: 3 }, "3 codes left"],
    ["de", "codes", { count: 1 }, "1 Code übrig"],
  ] as const)("%s %s", (locale, key, values, expected) => {
    expect(formatMessage(catalog, locale, key, values)).toBe(expected);
  });

  it("binds a translator to a catalog and locale", () => {
    expect(createTranslator(catalog, "fr")("hello", { name: "Lin" })).toBe("Bonjour Lin");
  });
});

describe("formatParts", () => {
  it("keeps values that are not text as parts, in the locale's word order", () => {
    const rich = defineCatalog({ en: { to: "Continue to {app}" }, de: { to: "Weiter zu {app}" }, fr: { to: "{app} : continuer" } });
    const app = { element: "App" };
    expect(formatParts(rich, "en", "to", { app })).toEqual(["Continue to ", app]);
    expect(formatParts(rich, "fr", "to", { app })).toEqual([app, " : continuer"]);
    expect(formatParts(rich, "de", "to", { app: "Mail" })).toEqual(["Weiter zu Mail"]);
  });
});
