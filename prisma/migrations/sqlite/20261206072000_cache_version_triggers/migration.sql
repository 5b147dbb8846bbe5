-- Cache invalidation, declared once per topic (lib/cache/cache-topics.ts) and done by the database
-- inside the writing statement's transaction, so no write can forget it: raw SQL, cascades and
-- batch transactions included. tests/db/cache-topic-triggers.test.ts writes every feeding table
-- every way and fails if the topic's version does not move. Note (SQLite): a drafted migration that
-- redefines one of these tables (CREATE "new_X", DROP "X", RENAME) drops its triggers: recreate them.


-- Topic "authorization-server:<id>": the server row's configVersion. A change to any other column
-- of the row but lastUpdated bumps it (touchAuthorizationServer only moves lastUpdated, which does
-- not), unless the statement set configVersion itself (as the triggers below do).
CREATE TRIGGER "AuthorizationServer_configVersion" AFTER UPDATE ON "AuthorizationServer"
WHEN NEW."configVersion" = OLD."configVersion" AND (
  NEW."id" IS NOT OLD."id"
  OR NEW."name" IS NOT OLD."name"
  OR NEW."description" IS NOT OLD."description"
  OR NEW."audiences" IS NOT OLD."audiences"
  OR NEW."issuerMode" IS NOT OLD."issuerMode"
  OR NEW."status" IS NOT OLD."status"
  OR NEW."rotationMode" IS NOT OLD."rotationMode"
  OR NEW."lastRotated" IS NOT OLD."lastRotated"
  OR NEW."nextRotation" IS NOT OLD."nextRotation"
  OR NEW."isDefault" IS NOT OLD."isDefault"
  OR NEW."created" IS NOT OLD."created"
)
BEGIN
  UPDATE "AuthorizationServer" SET "configVersion" = "configVersion" + 1 WHERE "id" = NEW."id";
END;

-- Policy, Scope, Claim, SigningKey: the server named by the row's authServerId; PolicyRule: its policy's.
CREATE TRIGGER "Policy_insert_configVersion" AFTER INSERT ON "Policy"
BEGIN
  UPDATE "AuthorizationServer" SET "configVersion" = "configVersion" + 1 WHERE "id" IN (NEW."authServerId");
END;
CREATE TRIGGER "Policy_update_configVersion" AFTER UPDATE ON "Policy"
BEGIN
  UPDATE "AuthorizationServer" SET "configVersion" = "configVersion" + 1 WHERE "id" IN (OLD."authServerId", NEW."authServerId");
END;
CREATE TRIGGER "Policy_delete_configVersion" AFTER DELETE ON "Policy"
BEGIN
  UPDATE "AuthorizationServer" SET "configVersion" = "configVersion" + 1 WHERE "id" IN (OLD."authServerId");
END;
CREATE TRIGGER "Scope_insert_configVersion" AFTER INSERT ON "Scope"
BEGIN
  UPDATE "AuthorizationServer" SET "configVersion" = "configVersion" + 1 WHERE "id" IN (NEW."authServerId");
END;
CREATE TRIGGER "Scope_update_configVersion" AFTER UPDATE ON "Scope"
BEGIN
  UPDATE "AuthorizationServer" SET "configVersion" = "configVersion" + 1 WHERE "id" IN (OLD."authServerId", NEW."authServerId");
END;
CREATE TRIGGER "Scope_delete_configVersion" AFTER DELETE ON "Scope"
BEGIN
  UPDATE "AuthorizationServer" SET "configVersion" = "configVersion" + 1 WHERE "id" IN (OLD."authServerId");
END;
CREATE TRIGGER "Claim_insert_configVersion" AFTER INSERT ON "Claim"
BEGIN
  UPDATE "AuthorizationServer" SET "configVersion" = "configVersion" + 1 WHERE "id" IN (NEW."authServerId");
END;
CREATE TRIGGER "Claim_update_configVersion" AFTER UPDATE ON "Claim"
BEGIN
  UPDATE "AuthorizationServer" SET "configVersion" = "configVersion" + 1 WHERE "id" IN (OLD."authServerId", NEW."authServerId");
END;
CREATE TRIGGER "Claim_delete_configVersion" AFTER DELETE ON "Claim"
BEGIN
  UPDATE "AuthorizationServer" SET "configVersion" = "configVersion" + 1 WHERE "id" IN (OLD."authServerId");
END;
CREATE TRIGGER "SigningKey_insert_configVersion" AFTER INSERT ON "SigningKey"
BEGIN
  UPDATE "AuthorizationServer" SET "configVersion" = "configVersion" + 1 WHERE "id" IN (NEW."authServerId");
END;
CREATE TRIGGER "SigningKey_update_configVersion" AFTER UPDATE ON "SigningKey"
BEGIN
  UPDATE "AuthorizationServer" SET "configVersion" = "configVersion" + 1 WHERE "id" IN (OLD."authServerId", NEW."authServerId");
END;
CREATE TRIGGER "SigningKey_delete_configVersion" AFTER DELETE ON "SigningKey"
BEGIN
  UPDATE "AuthorizationServer" SET "configVersion" = "configVersion" + 1 WHERE "id" IN (OLD."authServerId");
END;
CREATE TRIGGER "PolicyRule_insert_configVersion" AFTER INSERT ON "PolicyRule"
BEGIN
  UPDATE "AuthorizationServer" SET "configVersion" = "configVersion" + 1 WHERE "id" IN (SELECT "authServerId" FROM "Policy" WHERE "id" IN (NEW."policyId"));
END;
CREATE TRIGGER "PolicyRule_update_configVersion" AFTER UPDATE ON "PolicyRule"
BEGIN
  UPDATE "AuthorizationServer" SET "configVersion" = "configVersion" + 1 WHERE "id" IN (SELECT "authServerId" FROM "Policy" WHERE "id" IN (OLD."policyId", NEW."policyId"));
END;
CREATE TRIGGER "PolicyRule_delete_configVersion" AFTER DELETE ON "PolicyRule"
BEGIN
  UPDATE "AuthorizationServer" SET "configVersion" = "configVersion" + 1 WHERE "id" IN (SELECT "authServerId" FROM "Policy" WHERE "id" IN (OLD."policyId"));
END;

-- Topics kept in CacheVersion rows: "clients" (App, ClientSecret), "trusted-origins" (TrustedOrigin).
CREATE TRIGGER "App_insert_cacheVersion" AFTER INSERT ON "App"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('clients', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'clients';
END;
CREATE TRIGGER "App_update_cacheVersion" AFTER UPDATE ON "App"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('clients', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'clients';
END;
CREATE TRIGGER "App_delete_cacheVersion" AFTER DELETE ON "App"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('clients', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'clients';
END;
CREATE TRIGGER "ClientSecret_insert_cacheVersion" AFTER INSERT ON "ClientSecret"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('clients', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'clients';
END;
CREATE TRIGGER "ClientSecret_update_cacheVersion" AFTER UPDATE ON "ClientSecret"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('clients', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'clients';
END;
CREATE TRIGGER "ClientSecret_delete_cacheVersion" AFTER DELETE ON "ClientSecret"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('clients', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'clients';
END;
CREATE TRIGGER "TrustedOrigin_insert_cacheVersion" AFTER INSERT ON "TrustedOrigin"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('trusted-origins', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'trusted-origins';
END;
CREATE TRIGGER "TrustedOrigin_update_cacheVersion" AFTER UPDATE ON "TrustedOrigin"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('trusted-origins', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'trusted-origins';
END;
CREATE TRIGGER "TrustedOrigin_delete_cacheVersion" AFTER DELETE ON "TrustedOrigin"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('trusted-origins', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'trusted-origins';
END;
