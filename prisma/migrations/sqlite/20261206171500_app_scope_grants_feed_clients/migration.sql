-- OAuth 2.0 for Okta (issue #18 item 2).
--
-- 1. An app's ACTIVE okta.* scope grants (AppScopeGrant) travel with the client the token service
--    keeps in memory (lib/apps/load-client-for-auth.ts), so a grant or a revocation must move the
--    "clients" topic like a write to App or ClientSecret does (lib/db/cache-topics.ts).
-- 2. The org authorization server offers exactly the Okta API scopes of OKTA_SCOPES
--    (lib/admin-roles/permissions.ts): the API tokens, app grants, brands and network zones scopes
--    join; okta.clients.register (dynamic client registration with an access token, which this
--    product does not offer) leaves, as no grant could ever give it.

CREATE TRIGGER "AppScopeGrant_insert_cacheVersion" AFTER INSERT ON "AppScopeGrant"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('clients', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'clients';
END;
CREATE TRIGGER "AppScopeGrant_update_cacheVersion" AFTER UPDATE ON "AppScopeGrant"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('clients', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'clients';
END;
CREATE TRIGGER "AppScopeGrant_delete_cacheVersion" AFTER DELETE ON "AppScopeGrant"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('clients', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'clients';
END;

INSERT INTO "Scope" ("id", "authServerId", "name", "nameLower", "displayName", "description", "consent", "isDefault", "optional", "metadataPublish", "system", "created", "lastUpdated") VALUES
  ('scpymkcWxrXVfGTKk554', 'org', 'okta.apiTokens.manage', 'okta.apitokens.manage', 'okta.apiTokens.manage', 'Allows the app to manage API tokens in your Okta organization.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('scpdPZxqDka6wRDr8mbn', 'org', 'okta.apiTokens.read', 'okta.apitokens.read', 'okta.apiTokens.read', 'Allows the app to read information about API tokens in your Okta organization.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('scpJTv7HD3fiQDWLC7LG', 'org', 'okta.appGrants.manage', 'okta.appgrants.manage', 'okta.appGrants.manage', 'Allows the app to grant and revoke the Okta API scopes of apps in your Okta organization.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('scpUa3k8BpjmY2336wZO', 'org', 'okta.appGrants.read', 'okta.appgrants.read', 'okta.appGrants.read', 'Allows the app to read the Okta API scopes granted to apps in your Okta organization.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('scpqoeo4CcCcjluHS6Ak', 'org', 'okta.brands.manage', 'okta.brands.manage', 'okta.brands.manage', 'Allows the app to manage brands and themes in your Okta organization.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('scp5mTtcGKcpfVA0wGzt', 'org', 'okta.brands.read', 'okta.brands.read', 'okta.brands.read', 'Allows the app to read information about brands and themes in your Okta organization.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('scpbjrLlLG9tzReL1Xjr', 'org', 'okta.networkZones.manage', 'okta.networkzones.manage', 'okta.networkZones.manage', 'Allows the app to manage network zones in your Okta organization.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('scp4J4TBFgiebQTikvbY', 'org', 'okta.networkZones.read', 'okta.networkzones.read', 'okta.networkZones.read', 'Allows the app to read network zones in your Okta organization.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

DELETE FROM "Scope" WHERE "authServerId" = 'org' AND "name" = 'okta.clients.register';
