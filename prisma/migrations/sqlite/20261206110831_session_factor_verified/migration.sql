-- AlterTable
ALTER TABLE "UserSession" ADD COLUMN "factorVerifiedAt" DATETIME;
ALTER TABLE "UserSession" ADD COLUMN "idleMinutes" INTEGER;

-- AlterTable
ALTER TABLE "SessionToken" ADD COLUMN "amr" JSONB;
ALTER TABLE "SessionToken" ADD COLUMN "factorVerifiedAt" DATETIME;

-- CreateTable
CREATE TABLE "RememberedDevice" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RememberedDevice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuthnTransaction" (
    "stateTokenHash" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "amr" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "factorId" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuthnTransaction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_WebAuthnChallenge" (
    "challengeHash" TEXT NOT NULL PRIMARY KEY,
    "purpose" TEXT NOT NULL,
    "factorId" TEXT,
    "userId" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WebAuthnChallenge_factorId_fkey" FOREIGN KEY ("factorId") REFERENCES "UserFactor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_WebAuthnChallenge" ("challengeHash", "created", "expiresAt", "factorId", "purpose") SELECT "challengeHash", "created", "expiresAt", "factorId", "purpose" FROM "WebAuthnChallenge";
DROP TABLE "WebAuthnChallenge";
ALTER TABLE "new_WebAuthnChallenge" RENAME TO "WebAuthnChallenge";
CREATE INDEX "WebAuthnChallenge_factorId_idx" ON "WebAuthnChallenge"("factorId");
CREATE INDEX "WebAuthnChallenge_expiresAt_idx" ON "WebAuthnChallenge"("expiresAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "RememberedDevice_userId_idx" ON "RememberedDevice"("userId");

-- CreateIndex
CREATE INDEX "RememberedDevice_expiresAt_idx" ON "RememberedDevice"("expiresAt");

-- CreateIndex
CREATE INDEX "AuthnTransaction_userId_idx" ON "AuthnTransaction"("userId");

-- CreateIndex
CREATE INDEX "AuthnTransaction_expiresAt_idx" ON "AuthnTransaction"("expiresAt");

