import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOverview } from "@/lib/dashboard/overview";
import { writeSystemLog } from "@/lib/system-log/write-system-log";
import { createAdminFixture, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";

describe.each(testProviders())("the overview on %s", (provider) => {
  let f: AdminFixture;

  beforeAll(async () => {
    f = await createAdminFixture(provider);
  });
  afterAll(async () => {
    await f?.close();
  });

  it("names a denial's actor: a user by login, a client by its name rather than its id again", async () => {
    const at = (seconds: number) => new Date(f.clock.now.getTime() + seconds * 1000);
    const outcome = { result: "DENY" as const, reason: "no_matching_rule" };
    await writeSystemLog(f.db, { eventType: "app.oauth2.as.token.grant.access_token", displayMessage: "refused", actor: { id: "0oaClient000000000001", type: "PublicClientApp", alternateId: "0oaClient000000000001", displayName: "Nightly Reports" }, outcome }, at(1));
    await writeSystemLog(f.db, { eventType: "user.session.start", displayMessage: "refused", actor: { id: "00uUser00000000000001", type: "User", alternateId: "ada@example.com", displayName: "Ada Lovelace" }, outcome: { result: "FAILURE" } }, at(2));
    await writeSystemLog(f.db, { eventType: "user.session.start", displayMessage: "signed in", actor: { id: "00uUser00000000000001", type: "User", alternateId: "ada@example.com" }, outcome: { result: "SUCCESS" } }, at(3));

    const overview = await loadOverview(f.db, at(4));
    expect(overview.denials.map((event) => [event.outcomeResult, event.actor])).toEqual([
      ["FAILURE", "ada@example.com"],
      ["DENY", "Nightly Reports"],
    ]);
    expect(overview.counts).toEqual({ users: 1, apps: 0, servers: 1 });
  });
});
