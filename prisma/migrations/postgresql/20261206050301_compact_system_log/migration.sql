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

    CONSTRAINT "SystemLogPart_pkey" PRIMARY KEY ("key","day")
);

-- DropIndex
DROP INDEX "SystemLogEvent_outcomeResult_published_idx";

-- AlterTable
ALTER TABLE "SystemLogEvent"
ADD COLUMN     "ipAddress" TEXT,
ADD COLUMN     "contextKey" TEXT,
ADD COLUMN     "debugKey" TEXT,
ADD COLUMN     "detail" TEXT,
ALTER COLUMN   "published" SET DATA TYPE BIGINT USING ROUND(EXTRACT(EPOCH FROM "published") * 1000)::BIGINT;

CREATE TEMP TABLE "SystemLogConversion" AS
SELECT *,
    'c:' || FIRST_VALUE("uuid") OVER (PARTITION BY "context" ORDER BY "uuid") AS "contextKey",
    'd:' || FIRST_VALUE("uuid") OVER (PARTITION BY "debug" ORDER BY "uuid") AS "debugKey"
FROM (
    SELECT
        "uuid",
        "published" AS "ms",
        "client"->>'ipAddress' AS "ipAddress",
        jsonb_build_object('actor', "actor", 'userAgent', "client"->'userAgent'->>'rawUserAgent', 'target', "target", 'transaction', "transaction")::TEXT AS "context",
        COALESCE("debugContext"->'debugData', '{}'::JSONB)::TEXT AS "debug"
    FROM "SystemLogEvent"
) events;

INSERT INTO "SystemLogPart" ("key", "day", "value")
SELECT DISTINCT "contextKey", ("ms" / 86400000)::INTEGER, "context" FROM "SystemLogConversion"
UNION
SELECT DISTINCT "debugKey", ("ms" / 86400000)::INTEGER, "debug" FROM "SystemLogConversion";

UPDATE "SystemLogEvent" e
SET "ipAddress" = c."ipAddress", "contextKey" = c."contextKey", "debugKey" = c."debugKey"
FROM "SystemLogConversion" c
WHERE c."uuid" = e."uuid";
DROP TABLE "SystemLogConversion";

ALTER TABLE "SystemLogEvent"
DROP COLUMN "actor",
DROP COLUMN "client",
DROP COLUMN "debugContext",
DROP COLUMN "target",
DROP COLUMN "transaction",
ALTER COLUMN "contextKey" SET NOT NULL,
ALTER COLUMN "debugKey" SET NOT NULL;

-- CreateIndex
CREATE INDEX "SystemLogPart_day_idx" ON "SystemLogPart"("day");
