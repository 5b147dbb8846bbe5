-- CreateTable
CREATE TABLE "OrgPolicy" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "status" TEXT NOT NULL,
    "priority" INTEGER NOT NULL,
    "system" BOOLEAN NOT NULL DEFAULT false,
    "groupsInclude" JSONB NOT NULL,
    "settings" JSONB,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUpdated" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrgPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrgPolicyRule" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "priority" INTEGER NOT NULL,
    "system" BOOLEAN NOT NULL DEFAULT false,
    "conditions" JSONB NOT NULL,
    "actions" JSONB NOT NULL,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUpdated" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrgPolicyRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrgPolicy_type_priority_idx" ON "OrgPolicy"("type", "priority");

-- CreateIndex
CREATE INDEX "OrgPolicyRule_policyId_priority_idx" ON "OrgPolicyRule"("policyId", "priority");

-- AddForeignKey
ALTER TABLE "OrgPolicyRule" ADD CONSTRAINT "OrgPolicyRule_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "OrgPolicy"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The system Default Policy of each type with its Default Rule, for a new org and an existing one
-- alike (this is the one place they are created). Inserted before the cache triggers below exist,
-- so a fresh database has no CacheVersion row yet (version 0). They keep the behaviour from before sign-on policies: access ALLOW, no factor required,
-- every factor OPTIONAL and none enrolled unless asked; the session idle limit is the org's own
-- (OrgSettings.sessionIdleMinutes, 120 on a new org) and the cookie persistent, as it was.
INSERT INTO "OrgPolicy" ("id", "type", "name", "description", "status", "priority", "system", "groupsInclude", "settings", "created", "lastUpdated")
VALUES
  ('00pAQsjOzgHTPYylWbfJ', 'OKTA_SIGN_ON', 'Default Policy', 'The default policy applies in all situations if no other policy applies.', 'ACTIVE', 1, true, '[]', NULL,
   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('00pbB3AUiZG26BwkFcn5', 'MFA_ENROLL', 'Default Policy', 'The default policy applies in all situations if no other policy applies.', 'ACTIVE', 1, true, '[]',
   '{"okta_otp":"OPTIONAL","google_otp":"OPTIONAL","fido_webauthn":"OPTIONAL"}',
   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

INSERT INTO "OrgPolicyRule" ("id", "policyId", "type", "name", "status", "priority", "system", "conditions", "actions", "created", "lastUpdated")
VALUES
  ('0przGTJ52EP0ItdU02kF', '00pAQsjOzgHTPYylWbfJ', 'SIGN_ON', 'Default Rule', 'ACTIVE', 1, true,
   '{"people":{"users":{"include":[],"exclude":[]},"groups":{"include":[],"exclude":[]}},"network":{"connection":"ANYWHERE"}}',
   jsonb_build_object('signon', jsonb_build_object(
     'access', 'ALLOW', 'requireFactor', false, 'factorPromptMode', NULL, 'rememberDeviceByDefault', false, 'factorLifetime', NULL,
     'session', jsonb_build_object(
       'maxSessionIdleMinutes', COALESCE((SELECT ("settings"->>'sessionIdleMinutes')::INTEGER FROM "OrgSettings" WHERE "id" = 'org'), 120),
       'maxSessionLifetimeMinutes', 0,
       'usePersistentCookie', true))),
   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('0prQTDVw3iVJHaVm919A', '00pbB3AUiZG26BwkFcn5', 'MFA_ENROLL', 'Default Rule', 'ACTIVE', 1, true,
   '{"people":{"users":{"include":[],"exclude":[]},"groups":{"include":[],"exclude":[]}},"network":{"connection":"ANYWHERE"}}',
   '{"enroll":{"self":"CHALLENGE"}}',
   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

-- Cache invalidation (lib/db/cache-topics.ts, topic "sign-on-policies"): every write to the org
-- policies and their rules moves the CacheVersion row (cache_bump_topic_version, migration
-- "cache_version_triggers").
CREATE TRIGGER "OrgPolicy_cacheVersion" AFTER INSERT OR UPDATE OR DELETE ON "OrgPolicy"
FOR EACH ROW EXECUTE FUNCTION "cache_bump_topic_version"('sign-on-policies');
CREATE TRIGGER "OrgPolicyRule_cacheVersion" AFTER INSERT OR UPDATE OR DELETE ON "OrgPolicyRule"
FOR EACH ROW EXECUTE FUNCTION "cache_bump_topic_version"('sign-on-policies');
