import { describe, expect, it } from "vitest";
import { SUPPORTED_LOCALES } from "../i18n/locales";
import { hostedErrorPages, hostedMessagePage } from "./hosted-error-pages";
import { HOSTED_MESSAGE_STATUS, hostedMessage, type HostedMessageKey } from "./hosted-messages";

const escaped = (text: string) => text.replace(/'/g, "&#39;");

describe("hostedMessagePage", () => {
  it.each((Object.keys(HOSTED_MESSAGE_STATUS) as HostedMessageKey[]).flatMap((key) => SUPPORTED_LOCALES.map((locale) => [key, locale] as const)))("renders %s in %s from the catalog", (key, locale) => {
    const { status, title, text } = hostedMessage(key, locale);
    const page = hostedMessagePage(key, { locale });
    expect(page.status).toBe(status);
    expect(page.html).toContain(`<html lang="${locale}">`);
    expect(page.html).toContain(`<title>${escaped(title)} · Identity Provider</title>`);
    expect(page.html).toContain(`<p>${escaped(text)}</p>`);
    expect(page.headers?.["X-Frame-Options"]).toBe("DENY");
    expect(page.headers?.Vary).toBe("Accept-Language");
  });

  it("English by default; the error details' label in the page's language", () => {
    expect(hostedMessagePage("expired").html).toContain(`<html lang="en">`);
    expect(hostedMessage("expired").text).toBe("Sign-in requests are valid for 10 minutes and can be used once. Go back to the application and sign in again.");
    const page = hostedMessagePage("invalidAuthorizeRequest", { locale: "de", error: { code: "invalid_client", description: "x" } });
    expect(page.html).toContain("<p><small>Fehler: <code>invalid_client</code> — x</small></p>");
    expect(page.html).toContain("<h1>Die Anmeldeanfrage dieser Anwendung ist ungültig</h1>");
  });
});

describe("hostedErrorPages", () => {
  it.each([
    ["expired", hostedErrorPages.expired(), 400, "This sign-in link has expired"],
    ["csrf", hostedErrorPages.csrf(), 403, "We could not verify this request"],
    ["unavailable", hostedErrorPages.unavailable("/signin?request=r"), 503, "Service temporarily unavailable"],
    ["serverError", hostedErrorPages.serverError(), 500, "Something went wrong"],
    ["expired (fr)", hostedErrorPages.expired("fr"), 400, "Ce lien de connexion a expiré"],
    ["csrf (de)", hostedErrorPages.csrf("de"), 403, "Wir konnten diese Anfrage nicht überprüfen"],
    ["serverError (de)", hostedErrorPages.serverError("de"), 500, "Etwas ist schiefgelaufen"],
  ])("%s answers its status and title", (_name, page, status, title) => {
    expect(page.status).toBe(status);
    expect(page.html).toContain(`<h1>${escaped(title)}</h1>`);
  });

  it("the 503 page says when to retry and links back to the page, in its language", () => {
    const page = hostedErrorPages.unavailable("/signin?request=r");
    expect(page.headers?.["Retry-After"]).toBe("5");
    expect(page.html).toContain(`<a href="/signin?request=r">Try again</a>`);
    const french = hostedErrorPages.unavailable("/signin?request=r", "fr");
    expect(french.html).toContain(`<a href="/signin?request=r">Réessayer</a>`);
    expect(french.html).toContain("<h1>Service temporairement indisponible</h1>");
  });
});
