-- CreateTable
CREATE TABLE "RefreshTokenFamily" (
    "id" TEXT NOT NULL,
    "lastRotatedId" TEXT,
    "graceSiblings" INTEGER NOT NULL DEFAULT 0,
    "revoked" TIMESTAMP(3),
    "lastUsed" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RefreshTokenFamily_pkey" PRIMARY KEY ("id")
);

