
-- CreateTable
CREATE TABLE "RoleAssignment" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "assigneeType" TEXT NOT NULL,
    "userId" TEXT,
    "groupId" TEXT,
    "appId" TEXT,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUpdated" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoleAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppScopeGrant" (
    "id" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "scopeId" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'ADMIN',
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "createdBy" TEXT,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUpdated" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AppScopeGrant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RoleAssignment_type_idx" ON "RoleAssignment"("type");

-- CreateIndex
CREATE UNIQUE INDEX "RoleAssignment_userId_type_key" ON "RoleAssignment"("userId", "type");

-- CreateIndex
CREATE UNIQUE INDEX "RoleAssignment_groupId_type_key" ON "RoleAssignment"("groupId", "type");

-- CreateIndex
CREATE UNIQUE INDEX "RoleAssignment_appId_type_key" ON "RoleAssignment"("appId", "type");

-- CreateIndex
CREATE UNIQUE INDEX "AppScopeGrant_appId_scopeId_key" ON "AppScopeGrant"("appId", "scopeId");

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppScopeGrant" ADD CONSTRAINT "AppScopeGrant_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data: every existing administrator becomes a SUPER_ADMIN (the single admin flag before roles).
INSERT INTO "RoleAssignment" ("id", "type", "assigneeType", "userId", "created", "lastUpdated")
SELECT 'ra1' || substr(md5(random()::text || "id"), 1, 17), 'SUPER_ADMIN', 'USER', "id", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM "User" WHERE "isAdmin" = true;

-- AlterTable
ALTER TABLE "User" DROP COLUMN "isAdmin";
