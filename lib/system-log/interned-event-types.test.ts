import { describe, expect, it } from "vitest";
import { expandEventType, internEventType, storedEventTypeWhere } from "./interned-event-types";

const ACCESS = "app.oauth2.as.token.grant.access_token";
const ID = "app.oauth2.as.token.grant.id_token";

describe("internEventType / expandEventType", () => {
  it.each([
    ["an interned type with its usual message", ACCESS, "OAuth2 access token is granted", { eventType: "~0", displayMessage: "" }],
    ["an interned type with another message", ACCESS, "OAuth2 access token request refused: invalid_grant", { eventType: "~0", displayMessage: "OAuth2 access token request refused: invalid_grant" }],
    ["the 8th type", "app.oauth2.as.token.revoke", "OAuth2 token revocation request", { eventType: "~7", displayMessage: "" }],
    ["any other type, as it is", "user.lifecycle.create", "Create okta user", { eventType: "user.lifecycle.create", displayMessage: "Create okta user" }],
  ])("stores %s compactly and reads it back", (_, eventType, displayMessage, stored) => {
    expect(internEventType(eventType, displayMessage)).toEqual(stored);
    expect(expandEventType(stored.eventType, stored.displayMessage)).toEqual({ eventType, displayMessage });
  });
});

describe("storedEventTypeWhere", () => {
  it.each([
    ["an equality on an interned type", { eventType: ACCESS }, { AND: [{}, { OR: [{ eventType: ACCESS }, { eventType: { in: ["~0"] } }] }] }],
    ["an equality on another type: unchanged", { eventType: "user.session.start", actorId: "00u1" }, { eventType: "user.session.start", actorId: "00u1" }],
    ["a list", { eventType: { in: [ACCESS, ID, "x"] } }, { AND: [{}, { OR: [{ eventType: { in: [ACCESS, ID, "x"] } }, { eventType: { in: ["~0", "~1"] } }] }] }],
    [
      "a case-insensitive contains (the q search), kept off codes it could match",
      { eventType: { contains: "ID_TOKEN", mode: "insensitive" } },
      { AND: [{}, { OR: [{ eventType: { contains: "ID_TOKEN", mode: "insensitive" } }, { eventType: { in: ["~1", "~5"] } }] }] },
    ],
    [
      "a negation, which a code would satisfy as written",
      { eventType: { not: ACCESS } },
      { AND: [{}, { OR: [{ eventType: { not: ACCESS }, NOT: { eventType: { startsWith: "~" } } }, { eventType: { in: ["~1", "~2", "~3", "~4", "~5", "~6", "~7"] } }] }] },
    ],
    [
      "a message search, matching interned types' usual message",
      { displayMessage: { contains: "id token" } },
      { AND: [{}, { OR: [{ displayMessage: { contains: "id token" } }, { displayMessage: "", eventType: { in: ["~1", "~5"] } }] }] },
    ],
    ["nested in OR", { OR: [{ eventType: ID }, { actorId: "a" }] }, { OR: [{ AND: [{}, { OR: [{ eventType: ID }, { eventType: { in: ["~1"] } }] }] }, { actorId: "a" }] }],
  ])("rewrites %s", (_, where, expected) => {
    expect(storedEventTypeWhere(where as never)).toEqual(expected);
  });
});
