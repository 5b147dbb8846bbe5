-- AlterTable
ALTER TABLE "UserFactor" ADD COLUMN "lastVerified" DATETIME;

-- AlterTable
ALTER TABLE "AuthnTransaction" ADD COLUMN "deviceTokenHash" TEXT;

