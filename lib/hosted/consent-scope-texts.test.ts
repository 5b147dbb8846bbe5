import { describe, expect, it } from "vitest";
import { SYSTEM_SCOPES } from "../authorization-servers/system-scopes";
import { consentScopeTexts } from "./consent-scope-texts";

const system = (name: string) => {
  const created = SYSTEM_SCOPES.find((scope) => scope.name === name)!;
  return { name, displayName: created.displayName as string | null, description: created.description as string | null, system: true };
};

describe("consentScopeTexts", () => {
  it("system scopes as the server made them: plain words, translated, the app named", () => {
    const rows = [system("email"), system("offline_access"), system("profile")];
    expect(consentScopeTexts(["email", "offline_access"], rows, { locale: "en", appLabel: "Photo App" })).toEqual([
      { name: "email", displayName: "See your email address", description: "Your email address and whether it has been verified." },
      { name: "offline_access", displayName: "Stay signed in to Photo App when you're away", description: "Photo App can keep using this access after you close it, until you sign out of Photo App or the access is removed." },
    ]);
    expect(consentScopeTexts(["profile"], rows, { locale: "de", appLabel: "Fotos" })[0]!.displayName).toBe("Ihren Namen und Ihr Profilbild sehen");
    expect(consentScopeTexts(["offline_access"], rows, { locale: "fr", appLabel: "Photos" })[0]!.displayName).toBe("Rester connecté à Photos en votre absence");
  });

  it("a system scope whose texts the admin changed: the admin's texts as given, in every language", () => {
    const rows = [{ ...system("email"), displayName: "Your work email", description: "Used to send you receipts" }];
    for (const locale of ["en", "de", "fr"] as const) {
      expect(consentScopeTexts(["email"], rows, { locale, appLabel: "A" })).toEqual([{ name: "email", displayName: "Your work email", description: "Used to send you receipts" }]);
    }
    const onlyDescription = [{ ...system("phone"), description: "For delivery updates" }];
    expect(consentScopeTexts(["phone"], onlyDescription, { locale: "de", appLabel: "A" })).toEqual([{ name: "phone", displayName: "phone", description: "For delivery updates" }]);
  });

  it("custom scopes: the admin's texts; `groups` without texts reads plainly; a bare custom scope says its name", () => {
    const rows = [
      { name: "photos:read", displayName: "Read your photos", description: null, system: false },
      { name: "groups", displayName: null, description: null, system: false },
      { name: "api:x", displayName: null, description: null, system: false },
    ];
    expect(consentScopeTexts(["photos:read", "groups", "api:x", "gone"], rows, { locale: "fr", appLabel: "A" })).toEqual([
      { name: "photos:read", displayName: "Read your photos", description: null },
      { name: "groups", displayName: "Voir les groupes dont vous faites partie", description: "Les noms des groupes dont votre compte est membre." },
      { name: "api:x", displayName: "api:x", description: "Une autorisation que votre organisation a nommée « api:x »." },
      { name: "gone", displayName: "gone", description: "Une autorisation que votre organisation a nommée « gone »." },
    ]);
  });
});
