-- AlterTable
ALTER TABLE "UserFactor" ADD COLUMN "lastVerified" DATETIME;

