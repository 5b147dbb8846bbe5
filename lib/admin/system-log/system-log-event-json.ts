import type { SystemLogEvent } from "../../db/generated/sqlite/client";

/** Okta's LogEvent object. */
export function systemLogEventJson(event: SystemLogEvent) {
  const client = event.client as { ipAddress?: string | null; userAgent?: { rawUserAgent?: string } | null };
  return {
    uuid: event.uuid,
    published: event.published.toISOString(),
    eventType: event.eventType,
    version: "0",
    severity: event.severity,
    legacyEventType: null,
    displayMessage: event.displayMessage,
    actor: { detailEntry: null, ...(event.actor as object) },
    client: {
      userAgent: client.userAgent ? { rawUserAgent: client.userAgent.rawUserAgent ?? null, os: null, browser: null } : null,
      zone: null,
      device: null,
      id: null,
      ipAddress: client.ipAddress ?? null,
      geographicalContext: null,
    },
    outcome: { result: event.outcomeResult, reason: event.outcomeReason },
    target: event.target,
    transaction: { type: "WEB", id: null, detail: {}, ...(event.transaction as object) },
    debugContext: event.debugContext,
    authenticationContext: { authenticationProvider: null, credentialProvider: null, credentialType: null, issuer: null, interface: null, authenticationStep: 0, externalSessionId: null },
    securityContext: { asNumber: null, asOrg: null, isp: null, domain: null, isProxy: null },
    request: { ipChain: client.ipAddress ? [{ ip: client.ipAddress }] : [] },
  };
}
