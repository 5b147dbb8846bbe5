-- CreateTable
CREATE TABLE "UserFactor" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "factorType" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "oneOfKind" TEXT,
    "profile" JSONB NOT NULL,
    "secretEncrypted" TEXT,
    "lastTimeStep" INTEGER,
    "credentialId" TEXT,
    "publicKey" BYTEA,
    "signCount" BIGINT,
    "transports" JSONB,
    "aaguid" TEXT,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUpdated" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UserFactor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebAuthnChallenge" (
    "challengeHash" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "factorId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebAuthnChallenge_pkey" PRIMARY KEY ("challengeHash")
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

-- AddForeignKey
ALTER TABLE "UserFactor" ADD CONSTRAINT "UserFactor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebAuthnChallenge" ADD CONSTRAINT "WebAuthnChallenge_factorId_fkey" FOREIGN KEY ("factorId") REFERENCES "UserFactor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

