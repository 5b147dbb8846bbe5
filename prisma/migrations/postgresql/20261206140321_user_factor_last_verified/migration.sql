-- AlterTable
ALTER TABLE "UserFactor" ADD COLUMN     "lastVerified" TIMESTAMP(3);

