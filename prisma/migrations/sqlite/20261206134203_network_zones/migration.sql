-- CreateTable
CREATE TABLE "NetworkZone" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "usage" TEXT NOT NULL,
    "system" BOOLEAN NOT NULL DEFAULT false,
    "gateways" JSONB NOT NULL,
    "proxies" JSONB NOT NULL,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUpdated" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "NetworkZone_name_key" ON "NetworkZone"("name");

-- CreateIndex
CREATE INDEX "NetworkZone_status_idx" ON "NetworkZone"("status");


-- Okta's system zones (Network Zones API): LegacyIpZone (the default IP zone for policies) and
-- BlockedIpZone (the default IP blocklist), both empty: never deleted, never renamed.
INSERT INTO "NetworkZone" ("id", "name", "type", "status", "usage", "system", "gateways", "proxies", "created", "lastUpdated")
VALUES ('nzoOGmSpQTJSglvl2Wuj', 'LegacyIpZone', 'IP', 'ACTIVE', 'POLICY', true, '[]', '[]', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
INSERT INTO "NetworkZone" ("id", "name", "type", "status", "usage", "system", "gateways", "proxies", "created", "lastUpdated")
VALUES ('nzoYNMPXXHQj7ChzJZ81', 'BlockedIpZone', 'IP', 'ACTIVE', 'BLOCKLIST', true, '[]', '[]', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

-- The zones are the "network-zones" cache topic (lib/db/cache-topics.ts).
CREATE TRIGGER "NetworkZone_insert_cacheVersion" AFTER INSERT ON "NetworkZone"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('network-zones', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'network-zones';
END;
CREATE TRIGGER "NetworkZone_update_cacheVersion" AFTER UPDATE ON "NetworkZone"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('network-zones', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'network-zones';
END;
CREATE TRIGGER "NetworkZone_delete_cacheVersion" AFTER DELETE ON "NetworkZone"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('network-zones', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'network-zones';
END;
