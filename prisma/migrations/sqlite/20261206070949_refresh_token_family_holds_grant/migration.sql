-- What every rotation of a grant shares (server, client, user, scopes, auth time, the rule's
-- decision, the absolute expiry) moves from each RefreshToken row to its family's row, stored once;
-- the family row is now created with the family's first token. Existing families get the values of
-- their newest token; a family row with no token left (garbage) and a token without a user (never
-- issued) are dropped. The token hash is stored as its 32 bytes instead of 64 hex characters.

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RefreshTokenFamily" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "authServerId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "scopes" JSONB NOT NULL,
    "authTime" DATETIME,
    "decision" JSONB NOT NULL,
    "expiresAt" DATETIME,
    "lastRotatedId" TEXT,
    "graceSiblings" INTEGER NOT NULL DEFAULT 0,
    "revoked" DATETIME,
    "lastUsed" DATETIME NOT NULL,
    CONSTRAINT "RefreshTokenFamily_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_RefreshTokenFamily" ("id", "authServerId", "clientId", "userId", "scopes", "authTime", "decision", "expiresAt", "lastRotatedId", "graceSiblings", "revoked", "lastUsed")
SELECT t."familyId", t."authServerId", t."clientId", t."userId", t."scopes", t."authTime", t."decision", t."expiresAt",
       f."lastRotatedId", COALESCE(f."graceSiblings", 0), f."revoked", COALESCE(f."lastUsed", t."created")
FROM "RefreshToken" t
LEFT JOIN "RefreshTokenFamily" f ON f."id" = t."familyId"
WHERE t."userId" IS NOT NULL
  AND t."id" = (SELECT n."id" FROM "RefreshToken" n WHERE n."familyId" = t."familyId" AND n."userId" IS NOT NULL ORDER BY n."created" DESC, n."id" DESC LIMIT 1);
DROP TABLE "RefreshTokenFamily";
ALTER TABLE "new_RefreshTokenFamily" RENAME TO "RefreshTokenFamily";
CREATE INDEX "RefreshTokenFamily_authServerId_clientId_idx" ON "RefreshTokenFamily"("authServerId", "clientId");
CREATE INDEX "RefreshTokenFamily_clientId_idx" ON "RefreshTokenFamily"("clientId");
CREATE INDEX "RefreshTokenFamily_userId_idx" ON "RefreshTokenFamily"("userId");
CREATE TABLE "new_RefreshToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" BLOB NOT NULL,
    "familyId" TEXT NOT NULL,
    "parentId" TEXT,
    "status" TEXT NOT NULL,
    "windowEndsAt" DATETIME NOT NULL,
    "rotated" DATETIME,
    "revoked" DATETIME,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RefreshToken_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "RefreshTokenFamily" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_RefreshToken" ("created", "familyId", "id", "parentId", "revoked", "rotated", "status", "tokenHash", "windowEndsAt")
SELECT "created", "familyId", "id", "parentId", "revoked", "rotated", "status", unhex("tokenHash"), "windowEndsAt" FROM "RefreshToken"
WHERE "familyId" IN (SELECT "id" FROM "RefreshTokenFamily");
DROP TABLE "RefreshToken";
ALTER TABLE "new_RefreshToken" RENAME TO "RefreshToken";
CREATE UNIQUE INDEX "RefreshToken_tokenHash_key" ON "RefreshToken"("tokenHash");
CREATE INDEX "RefreshToken_familyId_idx" ON "RefreshToken"("familyId");
CREATE INDEX "RefreshToken_windowEndsAt_idx" ON "RefreshToken"("windowEndsAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
