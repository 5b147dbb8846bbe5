import type { SystemLogRecord } from "../../system-log/read-system-log-events";

/** Okta's LogEvent object. */
export function systemLogEventJson(event: SystemLogRecord) {
  const { client } = event;
  return {
    uuid: event.uuid,
    published: event.published.toISOString(),
    eventType: event.eventType,
    version: "0",
    severity: event.severity,
    legacyEventType: null,
    displayMessage: event.displayMessage,
    actor: { detailEntry: null, ...event.actor },
    client: {
      userAgent: client.userAgent ? { rawUserAgent: client.userAgent.rawUserAgent, os: null, browser: null } : null,
      zone: null,
      device: null,
      id: null,
      ipAddress: client.ipAddress,
      geographicalContext: null,
    },
    outcome: { result: event.outcomeResult, reason: event.outcomeReason },
    target: event.target,
    transaction: { type: "WEB", id: null, detail: {}, ...event.transaction },
    debugContext: event.debugContext,
    authenticationContext: { authenticationProvider: null, credentialProvider: null, credentialType: null, issuer: null, interface: null, authenticationStep: 0, externalSessionId: null },
    securityContext: { asNumber: null, asOrg: null, isp: null, domain: null, isProxy: null },
    request: { ipChain: client.ipAddress ? [{ ip: client.ipAddress }] : [] },
  };
}
