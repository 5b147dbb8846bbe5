-- CreateTable
CREATE TABLE "AppAccessPolicy" (
    "appId" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUpdated" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AppAccessPolicy_pkey" PRIMARY KEY ("appId")
);

-- CreateIndex
CREATE INDEX "AppAccessPolicy_policyId_idx" ON "AppAccessPolicy"("policyId");

-- AddForeignKey
ALTER TABLE "AppAccessPolicy" ADD CONSTRAINT "AppAccessPolicy_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppAccessPolicy" ADD CONSTRAINT "AppAccessPolicy_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "OrgPolicy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The system Default Policy of ACCESS_POLICY (Okta's default authentication policy) with its
-- Catch-all Rule: any one factor, the behaviour of every app before authentication policies. Apps
-- assigned to no policy are evaluated against it.
INSERT INTO "OrgPolicy" ("id", "type", "name", "description", "status", "priority", "system", "groupsInclude", "settings", "created", "lastUpdated")
VALUES ('00pKUfLkoJatyZDaJMYT', 'ACCESS_POLICY', 'Default Policy', 'The default policy applies to every app assigned to no other authentication policy.', 'ACTIVE', 1, true, '[]', NULL,
  CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

INSERT INTO "OrgPolicyRule" ("id", "policyId", "type", "name", "status", "priority", "system", "conditions", "actions", "created", "lastUpdated")
VALUES ('0prrmmh4VbzYjcI5pQOv', '00pKUfLkoJatyZDaJMYT', 'ACCESS_POLICY', 'Catch-all Rule', 'ACTIVE', 1, true,
  '{"people":{"users":{"include":[],"exclude":[]},"groups":{"include":[],"exclude":[]}},"network":{"connection":"ANYWHERE"}}',
  '{"appSignOn":{"access":"ALLOW","verificationMethod":{"factorMode":"1FA","type":"ASSURANCE"}}}',
  CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

-- An app's assignment belongs to the "sign-on-policies" cache topic (lib/db/cache-topics.ts).
CREATE TRIGGER "AppAccessPolicy_cacheVersion" AFTER INSERT OR UPDATE OR DELETE ON "AppAccessPolicy"
FOR EACH ROW EXECUTE FUNCTION "cache_bump_topic_version"('sign-on-policies');
