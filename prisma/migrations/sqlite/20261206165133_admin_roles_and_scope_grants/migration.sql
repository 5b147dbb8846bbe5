-- CreateTable
CREATE TABLE "RoleAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "assigneeType" TEXT NOT NULL,
    "userId" TEXT,
    "groupId" TEXT,
    "appId" TEXT,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUpdated" DATETIME NOT NULL,
    CONSTRAINT "RoleAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoleAssignment_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoleAssignment_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AppScopeGrant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "appId" TEXT NOT NULL,
    "scopeId" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'ADMIN',
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "createdBy" TEXT,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUpdated" DATETIME NOT NULL,
    CONSTRAINT "AppScopeGrant_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Data: every existing administrator becomes a SUPER_ADMIN (the single admin flag before roles).
INSERT INTO "RoleAssignment" ("id", "type", "assigneeType", "userId", "created", "lastUpdated")
SELECT 'ra1' || substr(lower(hex(randomblob(9))), 1, 17), 'SUPER_ADMIN', 'USER', "id", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM "User" WHERE "isAdmin" = true;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL,
    "transitioningToStatus" TEXT,
    "login" TEXT NOT NULL,
    "loginLower" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailLower" TEXT NOT NULL,
    "profile" JSONB NOT NULL,
    "passwordHash" TEXT,
    "passwordChanged" DATETIME,
    "failedAttempts" INTEGER NOT NULL DEFAULT 0,
    "lastFailedAttempt" DATETIME,
    "lockedOut" DATETIME,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activated" DATETIME,
    "statusChanged" DATETIME,
    "lastLogin" DATETIME,
    "lastUpdated" DATETIME NOT NULL
);
INSERT INTO "new_User" ("activated", "created", "email", "emailLower", "failedAttempts", "id", "lastFailedAttempt", "lastLogin", "lastUpdated", "lockedOut", "login", "loginLower", "passwordChanged", "passwordHash", "profile", "status", "statusChanged", "transitioningToStatus") SELECT "activated", "created", "email", "emailLower", "failedAttempts", "id", "lastFailedAttempt", "lastLogin", "lastUpdated", "lockedOut", "login", "loginLower", "passwordChanged", "passwordHash", "profile", "status", "statusChanged", "transitioningToStatus" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_loginLower_key" ON "User"("loginLower");
CREATE INDEX "User_status_idx" ON "User"("status");
CREATE INDEX "User_emailLower_idx" ON "User"("emailLower");
CREATE INDEX "User_lastUpdated_idx" ON "User"("lastUpdated");
CREATE INDEX "User_created_idx" ON "User"("created");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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

