-- CreateTable
CREATE TABLE "UserFactor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "factorType" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "oneOfKind" TEXT,
    "profile" JSONB NOT NULL,
    "secretEncrypted" TEXT,
    "lastTimeStep" INTEGER,
    "credentialId" TEXT,
    "publicKey" BLOB,
    "signCount" BIGINT,
    "transports" JSONB,
    "aaguid" TEXT,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUpdated" DATETIME NOT NULL,
    CONSTRAINT "UserFactor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WebAuthnChallenge" (
    "challengeHash" TEXT NOT NULL PRIMARY KEY,
    "purpose" TEXT NOT NULL,
    "factorId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WebAuthnChallenge_factorId_fkey" FOREIGN KEY ("factorId") REFERENCES "UserFactor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "UserFactor_oneOfKind_key" ON "UserFactor"("oneOfKind");

-- CreateIndex
CREATE UNIQUE INDEX "UserFactor_credentialId_key" ON "UserFactor"("credentialId");

-- CreateIndex
CREATE INDEX "UserFactor_userId_factorType_provider_idx" ON "UserFactor"("userId", "factorType", "provider");

-- CreateIndex
CREATE INDEX "WebAuthnChallenge_factorId_idx" ON "WebAuthnChallenge"("factorId");

-- CreateIndex
CREATE INDEX "WebAuthnChallenge_expiresAt_idx" ON "WebAuthnChallenge"("expiresAt");

