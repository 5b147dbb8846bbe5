-- CreateTable
CREATE TABLE "NetworkZone" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "usage" TEXT NOT NULL,
    "system" BOOLEAN NOT NULL DEFAULT false,
    "gateways" JSONB NOT NULL,
    "proxies" JSONB NOT NULL,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUpdated" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NetworkZone_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NetworkZone_name_key" ON "NetworkZone"("name");

-- CreateIndex
CREATE INDEX "NetworkZone_status_idx" ON "NetworkZone"("status");


-- Okta's system zones (Network Zones API): LegacyIpZone (the default IP zone for policies) and
-- BlockedIpZone (the default IP blocklist), both empty: never deleted, never renamed.
INSERT INTO "NetworkZone" ("id", "name", "type", "status", "usage", "system", "gateways", "proxies", "created", "lastUpdated")
VALUES ('nzoOGmSpQTJSglvl2Wuj', 'LegacyIpZone', 'IP', 'ACTIVE', 'POLICY', true, '[]', '[]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO "NetworkZone" ("id", "name", "type", "status", "usage", "system", "gateways", "proxies", "created", "lastUpdated")
VALUES ('nzoYNMPXXHQj7ChzJZ81', 'BlockedIpZone', 'IP', 'ACTIVE', 'BLOCKLIST', true, '[]', '[]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

-- The zones are the "network-zones" cache topic (lib/db/cache-topics.ts).
CREATE TRIGGER "NetworkZone_cacheVersion" AFTER INSERT OR UPDATE OR DELETE ON "NetworkZone"
FOR EACH ROW EXECUTE FUNCTION "cache_bump_topic_version"('network-zones');
