-- CreateTable
CREATE TABLE "RefreshTokenFamily" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "lastRotatedId" TEXT,
    "graceSiblings" INTEGER NOT NULL DEFAULT 0,
    "revoked" DATETIME,
    "lastUsed" DATETIME NOT NULL
);

