import { describe, expect, it } from "vitest";
import { hostedErrorPages, hostedMessagePage } from "./hosted-error-pages";
import { HOSTED_MESSAGES, type HostedMessageKey } from "./hosted-messages";

describe("hostedMessagePage", () => {
  it.each(Object.keys(HOSTED_MESSAGES) as HostedMessageKey[])("renders %s from the catalog", (key) => {
    const { status, title, text } = HOSTED_MESSAGES[key];
    const page = hostedMessagePage(key);
    expect(page.status).toBe(status);
    expect(page.html).toContain(`<title>${title.replace(/'/g, "&#39;")} · Identity Provider</title>`);
    expect(page.html).toContain(`<p>${text.replace(/'/g, "&#39;")}</p>`);
    expect(page.headers?.["X-Frame-Options"]).toBe("DENY");
  });
});

describe("hostedErrorPages", () => {
  it.each([
    ["expired", hostedErrorPages.expired(), 400, "This sign-in link has expired"],
    ["csrf", hostedErrorPages.csrf(), 403, "We could not verify this request"],
    ["unavailable", hostedErrorPages.unavailable("/signin?request=r"), 503, "Service temporarily unavailable"],
    ["serverError", hostedErrorPages.serverError(), 500, "Something went wrong"],
  ])("%s answers its status and title", (_name, page, status, title) => {
    expect(page.status).toBe(status);
    expect(page.html).toContain(`<h1>${title}</h1>`);
  });

  it("the 503 page says when to retry and links back to the page", () => {
    const page = hostedErrorPages.unavailable("/signin?request=r");
    expect(page.headers?.["Retry-After"]).toBe("5");
    expect(page.html).toContain(`<a href="/signin?request=r">Try again</a>`);
  });
});
