-- What every rotation of a grant shares (server, client, user, scopes, auth time, the rule's
-- decision, the absolute expiry) moves from each RefreshToken row to its family's row, stored once;
-- the family row is now created with the family's first token. Existing families get the values of
-- their newest token; a family row with no token left (garbage) and a token without a user (never
-- issued) are dropped. The token hash is stored as its 32 bytes instead of 64 hex characters.

-- AlterTable
ALTER TABLE "RefreshTokenFamily" ADD COLUMN     "authServerId" TEXT,
ADD COLUMN     "authTime" TIMESTAMP(3),
ADD COLUMN     "clientId" TEXT,
ADD COLUMN     "decision" JSONB,
ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "scopes" JSONB,
ADD COLUMN     "userId" TEXT;

DELETE FROM "RefreshToken" WHERE "userId" IS NULL;

INSERT INTO "RefreshTokenFamily" ("id", "authServerId", "clientId", "userId", "scopes", "authTime", "decision", "expiresAt", "graceSiblings", "lastUsed")
SELECT DISTINCT ON ("familyId") "familyId", "authServerId", "clientId", "userId", "scopes", "authTime", "decision", "expiresAt", 0, "created"
FROM "RefreshToken"
ORDER BY "familyId", "created" DESC, "id" DESC
ON CONFLICT ("id") DO UPDATE SET
    "authServerId" = excluded."authServerId", "clientId" = excluded."clientId", "userId" = excluded."userId", "scopes" = excluded."scopes",
    "authTime" = excluded."authTime", "decision" = excluded."decision", "expiresAt" = excluded."expiresAt";

DELETE FROM "RefreshTokenFamily" WHERE "authServerId" IS NULL;

ALTER TABLE "RefreshTokenFamily" ALTER COLUMN "authServerId" SET NOT NULL,
ALTER COLUMN "clientId" SET NOT NULL,
ALTER COLUMN "decision" SET NOT NULL,
ALTER COLUMN "scopes" SET NOT NULL,
ALTER COLUMN "userId" SET NOT NULL;

-- DropForeignKey
ALTER TABLE "RefreshToken" DROP CONSTRAINT "RefreshToken_userId_fkey";

-- DropIndex
DROP INDEX "RefreshToken_authServerId_clientId_idx";

-- DropIndex
DROP INDEX "RefreshToken_clientId_idx";

-- DropIndex
DROP INDEX "RefreshToken_userId_idx";

-- AlterTable
ALTER TABLE "RefreshToken" DROP COLUMN "authServerId",
DROP COLUMN "authTime",
DROP COLUMN "clientId",
DROP COLUMN "decision",
DROP COLUMN "expiresAt",
DROP COLUMN "scopes",
DROP COLUMN "userId",
ALTER COLUMN "tokenHash" SET DATA TYPE BYTEA USING decode("tokenHash", 'hex');

-- CreateIndex
CREATE INDEX "RefreshTokenFamily_authServerId_clientId_idx" ON "RefreshTokenFamily"("authServerId", "clientId");

-- CreateIndex
CREATE INDEX "RefreshTokenFamily_clientId_idx" ON "RefreshTokenFamily"("clientId");

-- CreateIndex
CREATE INDEX "RefreshTokenFamily_userId_idx" ON "RefreshTokenFamily"("userId");

-- AddForeignKey
ALTER TABLE "RefreshToken" ADD CONSTRAINT "RefreshToken_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "RefreshTokenFamily"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefreshTokenFamily" ADD CONSTRAINT "RefreshTokenFamily_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
