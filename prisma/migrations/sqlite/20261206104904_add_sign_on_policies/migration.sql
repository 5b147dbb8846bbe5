-- CreateTable
CREATE TABLE "OrgPolicy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "status" TEXT NOT NULL,
    "priority" INTEGER NOT NULL,
    "system" BOOLEAN NOT NULL DEFAULT false,
    "groupsInclude" JSONB NOT NULL,
    "settings" JSONB,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUpdated" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OrgPolicyRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "policyId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "priority" INTEGER NOT NULL,
    "system" BOOLEAN NOT NULL DEFAULT false,
    "conditions" JSONB NOT NULL,
    "actions" JSONB NOT NULL,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUpdated" DATETIME NOT NULL,
    CONSTRAINT "OrgPolicyRule_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "OrgPolicy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "OrgPolicy_type_priority_idx" ON "OrgPolicy"("type", "priority");

-- CreateIndex
CREATE INDEX "OrgPolicyRule_policyId_priority_idx" ON "OrgPolicyRule"("policyId", "priority");


-- The system Default Policy of each type with its Default Rule, for a new org and an existing one
-- alike (this is the one place they are created). Inserted before the cache triggers below exist,
-- so a fresh database has no CacheVersion row yet (version 0). They keep the behaviour from before sign-on policies: access ALLOW, no factor required,
-- every factor OPTIONAL and none enrolled unless asked; the session idle limit is the org's own
-- (OrgSettings.sessionIdleMinutes, 120 on a new org) and the cookie persistent, as it was.
INSERT INTO "OrgPolicy" ("id", "type", "name", "description", "status", "priority", "system", "groupsInclude", "settings", "created", "lastUpdated")
VALUES
  ('00pAQsjOzgHTPYylWbfJ', 'OKTA_SIGN_ON', 'Default Policy', 'The default policy applies in all situations if no other policy applies.', 'ACTIVE', 1, true, '[]', NULL,
   strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('00pbB3AUiZG26BwkFcn5', 'MFA_ENROLL', 'Default Policy', 'The default policy applies in all situations if no other policy applies.', 'ACTIVE', 1, true, '[]',
   '{"okta_otp":"OPTIONAL","google_otp":"OPTIONAL","fido_webauthn":"OPTIONAL"}',
   strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

INSERT INTO "OrgPolicyRule" ("id", "policyId", "type", "name", "status", "priority", "system", "conditions", "actions", "created", "lastUpdated")
VALUES
  ('0przGTJ52EP0ItdU02kF', '00pAQsjOzgHTPYylWbfJ', 'SIGN_ON', 'Default Rule', 'ACTIVE', 1, true,
   '{"people":{"users":{"include":[],"exclude":[]},"groups":{"include":[],"exclude":[]}},"network":{"connection":"ANYWHERE"}}',
   json_object('signon', json_object(
     'access', 'ALLOW', 'requireFactor', json('false'), 'factorPromptMode', NULL, 'rememberDeviceByDefault', json('false'), 'factorLifetime', NULL,
     'session', json_object(
       'maxSessionIdleMinutes', COALESCE((SELECT json_extract("settings", '$.sessionIdleMinutes') FROM "OrgSettings" WHERE "id" = 'org'), 120),
       'maxSessionLifetimeMinutes', 0,
       'usePersistentCookie', json('true')))),
   strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('0prQTDVw3iVJHaVm919A', '00pbB3AUiZG26BwkFcn5', 'MFA_ENROLL', 'Default Rule', 'ACTIVE', 1, true,
   '{"people":{"users":{"include":[],"exclude":[]},"groups":{"include":[],"exclude":[]}},"network":{"connection":"ANYWHERE"}}',
   '{"enroll":{"self":"CHALLENGE"}}',
   strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

-- Cache invalidation (lib/db/cache-topics.ts, topic "sign-on-policies"): every write to the org
-- policies and their rules moves the CacheVersion row, as the migration "cache_version_triggers" does
-- for the other topics.
CREATE TRIGGER "OrgPolicy_insert_cacheVersion" AFTER INSERT ON "OrgPolicy"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('sign-on-policies', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'sign-on-policies';
END;
CREATE TRIGGER "OrgPolicy_update_cacheVersion" AFTER UPDATE ON "OrgPolicy"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('sign-on-policies', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'sign-on-policies';
END;
CREATE TRIGGER "OrgPolicy_delete_cacheVersion" AFTER DELETE ON "OrgPolicy"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('sign-on-policies', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'sign-on-policies';
END;
CREATE TRIGGER "OrgPolicyRule_insert_cacheVersion" AFTER INSERT ON "OrgPolicyRule"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('sign-on-policies', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'sign-on-policies';
END;
CREATE TRIGGER "OrgPolicyRule_update_cacheVersion" AFTER UPDATE ON "OrgPolicyRule"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('sign-on-policies', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'sign-on-policies';
END;
CREATE TRIGGER "OrgPolicyRule_delete_cacheVersion" AFTER DELETE ON "OrgPolicyRule"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('sign-on-policies', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'sign-on-policies';
END;
