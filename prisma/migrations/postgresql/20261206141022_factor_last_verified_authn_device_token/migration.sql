-- AlterTable
ALTER TABLE "UserFactor" ADD COLUMN     "lastVerified" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "AuthnTransaction" ADD COLUMN     "deviceTokenHash" TEXT;

