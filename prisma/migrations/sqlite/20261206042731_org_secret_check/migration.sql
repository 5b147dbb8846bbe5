-- AlterTable
ALTER TABLE "OrgSettings" ADD COLUMN "secretCheck" TEXT;

