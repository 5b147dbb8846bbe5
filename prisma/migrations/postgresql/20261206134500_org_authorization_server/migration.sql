-- The org authorization server (issuer: ORG_URL itself; endpoints /oauth2/v1/*, metadata at
-- /.well-known/*): Okta's built-in server for OIDC sign-in to Okta and access tokens for the Okta
-- management API. Its id 'org' (lib/oauth/snapshot/org-authorization-server.ts) is never a path
-- segment and never shown by /api/v1/authorizationServers. Like a custom server it has a row, its
-- scopes and one access policy, so the protocol endpoints run unchanged against it; unlike one it
-- has no audience (access tokens carry aud = ORG_URL), no claims, and nothing here can be edited.
--
-- Its signing keys are its own: none yet, and its AUTO rotation is due at once, so the first token,
-- JWKS or admin read generates its ACTIVE and NEXT keys (lib/keys/apply-rotation.ts) on whichever
-- instance comes first; from then on it rotates every 90 days like every AUTO server.
INSERT INTO "AuthorizationServer" ("id", "name", "description", "audiences", "issuerMode", "status", "rotationMode", "lastRotated", "nextRotation", "isDefault", "configVersion", "created", "lastUpdated")
VALUES ('org', 'Org Authorization Server', 'The org authorization server: OpenID Connect sign-in and access tokens for the Okta management API.', '[]', 'ORG_URL', 'ACTIVE', 'AUTO', NULL, '1970-01-01 00:00:00', false, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

-- The OpenID Connect scopes, groups, and the Okta management API scopes (okta.*: granted to an app
-- only through its grants; lib/oauth/policy/okta-scope-grants.ts). All system scopes, all published.
INSERT INTO "Scope" ("id", "authServerId", "name", "nameLower", "displayName", "description", "consent", "isDefault", "optional", "metadataPublish", "system", "created", "lastUpdated") VALUES
  ('scpsft9Z6Y4HY2GX8hST', 'org', 'openid', 'openid', 'openid', 'Signals that a request is an OpenID request.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scpWNTDFB72fGVicfWIL', 'org', 'profile', 'profile', 'profile', 'Allows access to the end user''s default profile claims: name, family_name, given_name, middle_name, nickname, preferred_username, profile, picture, website, gender, birthdate, zoneinfo, locale, and updated_at.', 'REQUIRED', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scp4mbSAf5wSuJtkt0EH', 'org', 'email', 'email', 'email', 'Allows access to the email and email_verified claims.', 'REQUIRED', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scpzD5e96wwBeY5rKbon', 'org', 'address', 'address', 'address', 'Allows access to the address claim.', 'REQUIRED', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scpmCE0bX96kTszy46YK', 'org', 'phone', 'phone', 'phone', 'Allows access to the phone_number and phone_number_verified claims.', 'REQUIRED', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scpt0dek0j0kqkzZ7WqI', 'org', 'offline_access', 'offline_access', 'offline_access', 'Allows an application to get refresh tokens, to keep access while the user is not present.', 'REQUIRED', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scp3aoC8lN1K4g1IEPQL', 'org', 'groups', 'groups', 'groups', 'Allows access to the groups claim.', 'REQUIRED', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scpZLLAO7GhAkqZGU8oT', 'org', 'okta.apps.manage', 'okta.apps.manage', 'okta.apps.manage', 'Allows the app to create and manage apps in your Okta organization.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scpw58CXQ12fpFIrp4mo', 'org', 'okta.apps.read', 'okta.apps.read', 'okta.apps.read', 'Allows the app to read information about apps in your Okta organization.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scpOPwS14wVYZt7ljp7x', 'org', 'okta.authorizationServers.manage', 'okta.authorizationservers.manage', 'okta.authorizationServers.manage', 'Allows the app to create and manage authorization servers in your Okta organization.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scpABEtFKTjhhHYjmyWs', 'org', 'okta.authorizationServers.read', 'okta.authorizationservers.read', 'okta.authorizationServers.read', 'Allows the app to read information about authorization servers in your Okta organization.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scppPpAXq7Mhw283nDK7', 'org', 'okta.clients.manage', 'okta.clients.manage', 'okta.clients.manage', 'Allows the app to manage all OAuth 2.0 clients and to create new ones.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scpBAsNzmH49SOqwWGRb', 'org', 'okta.clients.read', 'okta.clients.read', 'okta.clients.read', 'Allows the app to read information about OAuth 2.0 clients.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scpgZjG8sYM8k08GawYv', 'org', 'okta.clients.register', 'okta.clients.register', 'okta.clients.register', 'Allows the app to register new OAuth 2.0 clients (without reading existing ones).', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scpiFy9Svd32Hmze8Gwr', 'org', 'okta.factors.manage', 'okta.factors.manage', 'okta.factors.manage', 'Allows the app to manage the org''s factors (for example activate, deactivate, read).', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scpPt0E3gwH16uSVZF6Z', 'org', 'okta.factors.read', 'okta.factors.read', 'okta.factors.read', 'Allows the app to read the org''s factors.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scpwTtHUs6MLhEPodxCd', 'org', 'okta.groups.manage', 'okta.groups.manage', 'okta.groups.manage', 'Allows the app to manage groups in your Okta organization.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scpndOUoIIMMUu3BqLaM', 'org', 'okta.groups.read', 'okta.groups.read', 'okta.groups.read', 'Allows the app to read information about groups and their members in your Okta organization.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scpPXuhHIYDc2lwChm4Y', 'org', 'okta.logs.read', 'okta.logs.read', 'okta.logs.read', 'Allows the app to read System Log entries in your Okta organization.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scpcaTNYY3YulYJN75dY', 'org', 'okta.orgs.manage', 'okta.orgs.manage', 'okta.orgs.manage', 'Allows the app to manage the settings of your Okta organization.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scpnCAKIPzkdfJPRVo1i', 'org', 'okta.orgs.read', 'okta.orgs.read', 'okta.orgs.read', 'Allows the app to read the settings of your Okta organization.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scplRLs5CYeVF7UtJIgW', 'org', 'okta.policies.manage', 'okta.policies.manage', 'okta.policies.manage', 'Allows the app to manage policies in your Okta organization.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scpqbk6Hm4QMUMMW0qxV', 'org', 'okta.policies.read', 'okta.policies.read', 'okta.policies.read', 'Allows the app to read information about policies in your Okta organization.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scpb3CPD3IaUeQmRcEON', 'org', 'okta.roles.manage', 'okta.roles.manage', 'okta.roles.manage', 'Allows the app to create and manage administrator roles in your Okta organization.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scpF2Bo7fwUYN0XgPvuS', 'org', 'okta.roles.read', 'okta.roles.read', 'okta.roles.read', 'Allows the app to read information about administrator roles in your Okta organization.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scpu3D3jR544XUUyO6HS', 'org', 'okta.trustedOrigins.manage', 'okta.trustedorigins.manage', 'okta.trustedOrigins.manage', 'Allows the app to manage trusted origins in your Okta organization.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scpE6iNhpWvtNzpk2rJe', 'org', 'okta.trustedOrigins.read', 'okta.trustedorigins.read', 'okta.trustedOrigins.read', 'Allows the app to read trusted origins in your Okta organization.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scp8baEbbLujnQH13ifF', 'org', 'okta.users.manage', 'okta.users.manage', 'okta.users.manage', 'Allows the app to create users and to manage every user''s profile and credentials.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('scpwx6CFpGpSeuD6leOt', 'org', 'okta.users.read', 'okta.users.read', 'okta.users.read', 'Allows the app to read every user''s profile and credentials.', 'IMPLICIT', false, false, 'ALL_CLIENTS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

-- Its fixed access policy: every client, every user the app is assigned to, every grant type, every
-- scope (okta.* scopes are checked before policies), access tokens for an hour, refresh tokens
-- without an absolute end that die when unused for 7 days (as the default server's rule).
INSERT INTO "Policy" ("id", "authServerId", "type", "name", "description", "status", "priority", "system", "clientsInclude", "created", "lastUpdated")
VALUES ('00piVxzGAGjSNjdVuv5T', 'org', 'OAUTH_AUTHORIZATION_POLICY', 'Org Authorization Server Policy', 'The fixed access policy of the org authorization server.', 'ACTIVE', 1, true, '["ALL_CLIENTS"]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

INSERT INTO "PolicyRule" ("id", "policyId", "type", "name", "status", "priority", "system", "conditions", "accessTokenLifetimeMinutes", "refreshTokenLifetimeMinutes", "refreshTokenWindowMinutes", "inlineHook", "created", "lastUpdated")
VALUES ('0prelLFhS1zuG1n8ad8z', '00piVxzGAGjSNjdVuv5T', 'RESOURCE_ACCESS', 'Org Authorization Server Rule', 'ACTIVE', 1, true,
  '{"people":{"users":{"include":[],"exclude":[]},"groups":{"include":["EVERYONE"],"exclude":[]}},"grantTypes":{"include":["authorization_code","implicit","refresh_token","password","client_credentials"]},"scopes":{"include":["*"]}}',
  60, 0, 10080, NULL, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
