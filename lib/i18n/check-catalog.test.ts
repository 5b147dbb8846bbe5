import { describe, expect, it } from "vitest";
import type { Catalog } from "./define-catalog";
import { checkCatalog } from "./check-catalog";

const good = {
  en: { hello: "Hello {name}", left: "{count, plural, one {# code} other {# codes}} left", kind: "{kind, select, totp {App} other {Key}}" },
  de: { hello: "Hallo {name}", left: "{count, plural, one {# Code} other {# Codes}} übrig", kind: "{kind, select, totp {App} other {Schlüssel}}" },
  fr: { hello: "Bonjour {name}", left: "{count, plural, one {# code restant} many {# de codes restants} other {# codes restants}}", kind: "{kind, select, totp {Application} other {Clé}}" },
} as Catalog;

describe("checkCatalog", () => {
  it("accepts a complete catalog (plural categories may differ per language)", () => {
    expect(checkCatalog(good)).toEqual([]);
  });

  it.each<[string, Catalog, string[]]>([
    ["a missing key", { ...good, de: { hello: "Hallo {name}", kind: good.de.kind } } as unknown as Catalog, ["de: key left is missing"]],
    ["an extra key", { ...good, fr: { ...good.fr, extra: "x" } } as unknown as Catalog, ["fr: key extra is not in en"]],
    ["a missing locale", { en: good.en, de: good.de } as unknown as Catalog, ["locale fr is missing", "fr: key hello is missing", "fr: key left is missing", "fr: key kind is missing"]],
    ["a renamed placeholder", { ...good, de: { ...good.de, hello: "Hallo {nom}" } }, ["de: hello has placeholders [nom:argument], en has [name:argument]"]],
    ["a placeholder of another kind", { ...good, fr: { ...good.fr, left: "{count} codes" } }, ["fr: left has placeholders [count:argument], en has [count:plural]"]],
    ["other select options", { ...good, de: { ...good.de, kind: "{kind, select, webauthn {App} other {Schlüssel}}" } }, ["de: kind has placeholders [kind:select(other|webauthn)], en has [kind:select(other|totp)]"]],
    ["broken ICU syntax", { ...good, fr: { ...good.fr, hello: "Bonjour {name" } }, [expect.stringMatching(/^fr: hello is not ICU MessageFormat/) as unknown as string]],
    ["a plural without other", { ...good, de: { ...good.de, left: "{count, plural, one {# Code}}" } }, [expect.stringMatching(/^de: left is not ICU MessageFormat/) as unknown as string]],
    ["an empty message", { ...good, de: { ...good.de, hello: " " } }, ["de: hello is empty"]],
  ])("flags %s", (_name, catalog, problems) => {
    expect(checkCatalog(catalog)).toEqual(problems);
  });
});
