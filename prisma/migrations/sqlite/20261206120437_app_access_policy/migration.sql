-- CreateTable
CREATE TABLE "AppAccessPolicy" (
    "appId" TEXT NOT NULL PRIMARY KEY,
    "policyId" TEXT NOT NULL,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUpdated" DATETIME NOT NULL,
    CONSTRAINT "AppAccessPolicy_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AppAccessPolicy_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "OrgPolicy" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AppAccessPolicy_policyId_idx" ON "AppAccessPolicy"("policyId");


-- The system Default Policy of ACCESS_POLICY (Okta's default authentication policy) with its
-- Catch-all Rule: any one factor, the behaviour of every app before authentication policies. Apps
-- assigned to no policy are evaluated against it.
INSERT INTO "OrgPolicy" ("id", "type", "name", "description", "status", "priority", "system", "groupsInclude", "settings", "created", "lastUpdated")
VALUES ('00pKUfLkoJatyZDaJMYT', 'ACCESS_POLICY', 'Default Policy', 'The default policy applies to every app assigned to no other authentication policy.', 'ACTIVE', 1, true, '[]', NULL,
  strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

INSERT INTO "OrgPolicyRule" ("id", "policyId", "type", "name", "status", "priority", "system", "conditions", "actions", "created", "lastUpdated")
VALUES ('0prrmmh4VbzYjcI5pQOv', '00pKUfLkoJatyZDaJMYT', 'ACCESS_POLICY', 'Catch-all Rule', 'ACTIVE', 1, true,
  '{"people":{"users":{"include":[],"exclude":[]},"groups":{"include":[],"exclude":[]}},"network":{"connection":"ANYWHERE"}}',
  '{"appSignOn":{"access":"ALLOW","verificationMethod":{"factorMode":"1FA","type":"ASSURANCE"}}}',
  strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

-- An app's assignment belongs to the "sign-on-policies" cache topic (lib/db/cache-topics.ts).
CREATE TRIGGER "AppAccessPolicy_insert_cacheVersion" AFTER INSERT ON "AppAccessPolicy"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('sign-on-policies', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'sign-on-policies';
END;
CREATE TRIGGER "AppAccessPolicy_update_cacheVersion" AFTER UPDATE ON "AppAccessPolicy"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('sign-on-policies', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'sign-on-policies';
END;
CREATE TRIGGER "AppAccessPolicy_delete_cacheVersion" AFTER DELETE ON "AppAccessPolicy"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('sign-on-policies', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'sign-on-policies';
END;
