-- CreateTable
CREATE TABLE "Brand" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT true,
    "customPrivacyPolicyUrl" TEXT,
    "agreeToCustomPrivacyPolicy" BOOLEAN NOT NULL DEFAULT false,
    "removePoweredByOkta" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "signInPage" JSONB,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUpdated" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "BrandTheme" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "primaryColorHex" TEXT NOT NULL,
    "primaryColorContrastHex" TEXT,
    "secondaryColorHex" TEXT NOT NULL,
    "secondaryColorContrastHex" TEXT,
    "signInPageTouchPointVariant" TEXT NOT NULL DEFAULT 'OKTA_DEFAULT',
    "errorPageTouchPointVariant" TEXT NOT NULL DEFAULT 'OKTA_DEFAULT',
    "endUserDashboardTouchPointVariant" TEXT NOT NULL DEFAULT 'OKTA_DEFAULT',
    "emailTemplateTouchPointVariant" TEXT NOT NULL DEFAULT 'OKTA_DEFAULT',
    "loadingPageTouchPointVariant" TEXT NOT NULL DEFAULT 'OKTA_DEFAULT',
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUpdated" DATETIME NOT NULL,
    CONSTRAINT "BrandTheme_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BrandImage" (
    "themeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "data" BLOB NOT NULL,
    "created" DATETIME NOT NULL,

    PRIMARY KEY ("themeId", "kind"),
    CONSTRAINT "BrandImage_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "BrandTheme" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "BrandTheme_brandId_idx" ON "BrandTheme"("brandId");

-- CreateIndex
CREATE INDEX "BrandImage_sha256_idx" ON "BrandImage"("sha256");


-- The org's one default brand and its theme (Okta orgs have one default brand): the product name
-- and the colours of the hosted pages and emails until an admin changes them.
INSERT INTO "Brand" ("id", "name", "isDefault", "customPrivacyPolicyUrl", "agreeToCustomPrivacyPolicy", "removePoweredByOkta", "locale", "signInPage", "created", "lastUpdated")
VALUES ('bndOrgDefaultBrand01', 'Identity Provider', true, NULL, false, false, 'en', NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

INSERT INTO "BrandTheme" ("id", "brandId", "primaryColorHex", "primaryColorContrastHex", "secondaryColorHex", "secondaryColorContrastHex", "emailTemplateTouchPointVariant", "created", "lastUpdated")
VALUES ('thdOrgDefaultTheme01', 'bndOrgDefaultBrand01', '#1d4ed8', '#ffffff', '#f8fafc', '#0f172a', 'FULL_THEME', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

-- The brand in force belongs to the "branding" cache topic (lib/db/cache-topics.ts).
CREATE TRIGGER "Brand_insert_cacheVersion" AFTER INSERT ON "Brand"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('branding', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'branding';
END;
CREATE TRIGGER "Brand_update_cacheVersion" AFTER UPDATE ON "Brand"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('branding', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'branding';
END;
CREATE TRIGGER "Brand_delete_cacheVersion" AFTER DELETE ON "Brand"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('branding', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'branding';
END;
CREATE TRIGGER "BrandTheme_insert_cacheVersion" AFTER INSERT ON "BrandTheme"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('branding', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'branding';
END;
CREATE TRIGGER "BrandTheme_update_cacheVersion" AFTER UPDATE ON "BrandTheme"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('branding', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'branding';
END;
CREATE TRIGGER "BrandTheme_delete_cacheVersion" AFTER DELETE ON "BrandTheme"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('branding', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'branding';
END;
CREATE TRIGGER "BrandImage_insert_cacheVersion" AFTER INSERT ON "BrandImage"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('branding', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'branding';
END;
CREATE TRIGGER "BrandImage_update_cacheVersion" AFTER UPDATE ON "BrandImage"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('branding', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'branding';
END;
CREATE TRIGGER "BrandImage_delete_cacheVersion" AFTER DELETE ON "BrandImage"
BEGIN
  INSERT OR IGNORE INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES ('branding', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  UPDATE "CacheVersion" SET "version" = "version" + 1, "lastUpdated" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE "topic" = 'branding';
END;
