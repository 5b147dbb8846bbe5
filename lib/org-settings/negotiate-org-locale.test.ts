import { describe, expect, it } from "vitest";
import { negotiateWithDefault } from "./negotiate-org-locale";

describe("negotiateWithDefault: ui_locales, then the profile locale, then Accept-Language, then the org default", () => {
  it.each([
    [{ uiLocales: "fr", profileLocale: "de_DE", acceptLanguage: "en" }, "en", "fr"],
    [{ uiLocales: "es", profileLocale: "de_DE", acceptLanguage: "fr" }, "en", "de"],
    [{ profileLocale: "de-CH", acceptLanguage: "fr" }, "en", "de"],
    [{ profileLocale: "ja_JP", acceptLanguage: "fr-CA, de;q=0.9" }, "en", "fr"],
    [{ profileLocale: "", acceptLanguage: "es" }, "de", "de"],
    [{ profileLocale: null, acceptLanguage: null }, "fr", "fr"],
    [{}, null, "en"],
    [{}, "xx", "en"],
    [{ acceptLanguage: "de;q=0, fr;q=0.1" }, "en", "fr"],
  ] as const)("%j with org default %s -> %s", (hints, orgDefault, expected) => {
    expect(negotiateWithDefault(hints, orgDefault)).toBe(expected);
  });
});
