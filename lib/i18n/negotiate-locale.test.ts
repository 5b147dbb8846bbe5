import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./negotiate-locale";

describe("negotiateLocale", () => {
  it.each([
    [{}, "en"],
    [{ orgDefault: "fr" }, "fr"],
    [{ orgDefault: "xx" }, "en"],
    [{ uiLocales: "de" }, "de"],
    [{ uiLocales: "es fr-CA de", acceptLanguage: "de" }, "fr"],
    [{ uiLocales: "es", acceptLanguage: "de-CH, fr;q=0.5" }, "de"],
    [{ acceptLanguage: "fr;q=0.4, de;q=0.9" }, "de"],
    [{ acceptLanguage: "de;q=0, fr;q=0.1" }, "fr"],
    [{ acceptLanguage: "*", orgDefault: "de" }, "de"],
    [{ acceptLanguage: "es-ES,es;q=0.9", orgDefault: "fr" }, "fr"],
    [{ acceptLanguage: "DE-de" }, "de"],
    [{ acceptLanguage: "de;q=abc, fr" }, "fr"],
  ] as const)("%j -> %s", (input, expected) => {
    expect(negotiateLocale(input)).toBe(expected);
  });
});
