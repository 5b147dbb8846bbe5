import type { BrowserContext, Page } from "@playwright/test";

/**
 * Chromium's virtual platform authenticator (CDP WebAuthn domain) for one page: a resident-key,
 * user-verifying passkey store (ctap2, internal transport) that answers every ceremony at once.
 * `present(false)` makes it wait (no simulated touch) until `present(true)`, e.g. to keep a
 * conditional-mediation request pending.
 */
export async function addVirtualAuthenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return { present: (enabled: boolean) => cdp.send("WebAuthn.setAutomaticPresenceSimulation", { authenticatorId, enabled }) };
}
