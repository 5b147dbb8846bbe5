-- AlterTable
ALTER TABLE "UserSession" ADD COLUMN     "factorVerifiedAt" TIMESTAMP(3),
ADD COLUMN     "idleMinutes" INTEGER;

-- AlterTable
ALTER TABLE "SessionToken" ADD COLUMN     "amr" JSONB,
ADD COLUMN     "factorVerifiedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "WebAuthnChallenge" ADD COLUMN     "userId" TEXT,
ALTER COLUMN "factorId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "RememberedDevice" (
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RememberedDevice_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "AuthnTransaction" (
    "stateTokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "amr" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "factorId" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthnTransaction_pkey" PRIMARY KEY ("stateTokenHash")
);

-- CreateIndex
CREATE INDEX "RememberedDevice_userId_idx" ON "RememberedDevice"("userId");

-- CreateIndex
CREATE INDEX "RememberedDevice_expiresAt_idx" ON "RememberedDevice"("expiresAt");

-- CreateIndex
CREATE INDEX "AuthnTransaction_userId_idx" ON "AuthnTransaction"("userId");

-- CreateIndex
CREATE INDEX "AuthnTransaction_expiresAt_idx" ON "AuthnTransaction"("expiresAt");

-- AddForeignKey
ALTER TABLE "RememberedDevice" ADD CONSTRAINT "RememberedDevice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthnTransaction" ADD CONSTRAINT "AuthnTransaction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

