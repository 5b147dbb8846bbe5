-- The compact System Log row (lib/system-log/system-log-parts.ts): what repeats from event to event
-- (actor, user agent, targets, transaction; the debug data) moves to SystemLogPart, stored once per
-- distinct value and day; published becomes milliseconds since the epoch. Converted rows keep their
-- targets whole in their context part (detail null), which the reader decodes like any other; their
-- parts are keyed by the first event that has them ("c:"/"d:" and its uuid), never a content hash.

-- CreateTable
CREATE TABLE "SystemLogPart" (
    "key" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "value" TEXT NOT NULL,

    PRIMARY KEY ("key", "day")
);

CREATE TEMP TABLE "SystemLogConversion" AS
SELECT *,
    'c:' || FIRST_VALUE("uuid") OVER (PARTITION BY "context" ORDER BY "uuid") AS "contextKey",
    'd:' || FIRST_VALUE("uuid") OVER (PARTITION BY "debug" ORDER BY "uuid") AS "debugKey"
FROM (
    SELECT
        "uuid",
        CAST(ROUND(unixepoch("published", 'subsec') * 1000) AS INTEGER) AS "ms",
        json_extract("client", '$.ipAddress') AS "ipAddress",
        json_object('actor', json("actor"), 'userAgent', json_extract("client", '$.userAgent.rawUserAgent'), 'target', json("target"), 'transaction', json("transaction")) AS "context",
        COALESCE(json_extract("debugContext", '$.debugData'), '{}') AS "debug"
    FROM "SystemLogEvent"
);

INSERT INTO "SystemLogPart" ("key", "day", "value")
SELECT DISTINCT "contextKey", "ms" / 86400000, "context" FROM "SystemLogConversion"
UNION
SELECT DISTINCT "debugKey", "ms" / 86400000, "debug" FROM "SystemLogConversion";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SystemLogEvent" (
    "uuid" TEXT NOT NULL PRIMARY KEY,
    "published" BIGINT NOT NULL,
    "eventType" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "displayMessage" TEXT NOT NULL,
    "actorId" TEXT,
    "outcomeResult" TEXT NOT NULL,
    "outcomeReason" TEXT,
    "ipAddress" TEXT,
    "contextKey" TEXT NOT NULL,
    "debugKey" TEXT NOT NULL,
    "detail" TEXT
);
INSERT INTO "new_SystemLogEvent" ("uuid", "published", "eventType", "severity", "displayMessage", "actorId", "outcomeResult", "outcomeReason", "ipAddress", "contextKey", "debugKey", "detail")
SELECT e."uuid", c."ms", e."eventType", e."severity", e."displayMessage", e."actorId", e."outcomeResult", e."outcomeReason", c."ipAddress", c."contextKey", c."debugKey", NULL
FROM "SystemLogEvent" e JOIN "SystemLogConversion" c ON c."uuid" = e."uuid"
ORDER BY e."uuid";
DROP TABLE "SystemLogEvent";
DROP TABLE "SystemLogConversion";
ALTER TABLE "new_SystemLogEvent" RENAME TO "SystemLogEvent";
CREATE INDEX "SystemLogEvent_published_idx" ON "SystemLogEvent"("published");
CREATE INDEX "SystemLogEvent_eventType_published_idx" ON "SystemLogEvent"("eventType", "published");
CREATE INDEX "SystemLogEvent_actorId_published_idx" ON "SystemLogEvent"("actorId", "published");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SystemLogPart_day_idx" ON "SystemLogPart"("day");
