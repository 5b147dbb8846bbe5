-- CreateTable
CREATE TABLE "Brand" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT true,
    "customPrivacyPolicyUrl" TEXT,
    "agreeToCustomPrivacyPolicy" BOOLEAN NOT NULL DEFAULT false,
    "removePoweredByOkta" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "signInPage" JSONB,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUpdated" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Brand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BrandTheme" (
    "id" TEXT NOT NULL,
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
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUpdated" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BrandTheme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BrandImage" (
    "themeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "created" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BrandImage_pkey" PRIMARY KEY ("themeId","kind")
);

-- CreateIndex
CREATE INDEX "BrandTheme_brandId_idx" ON "BrandTheme"("brandId");

-- CreateIndex
CREATE INDEX "BrandImage_sha256_idx" ON "BrandImage"("sha256");

-- AddForeignKey
ALTER TABLE "BrandTheme" ADD CONSTRAINT "BrandTheme_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BrandImage" ADD CONSTRAINT "BrandImage_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "BrandTheme"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The org's one default brand and its theme (Okta orgs have one default brand): the product name
-- and the colours of the hosted pages and emails until an admin changes them.
INSERT INTO "Brand" ("id", "name", "isDefault", "customPrivacyPolicyUrl", "agreeToCustomPrivacyPolicy", "removePoweredByOkta", "locale", "signInPage", "created", "lastUpdated")
VALUES ('bndOrgDefaultBrand01', 'Identity Provider', true, NULL, false, false, 'en', NULL, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

INSERT INTO "BrandTheme" ("id", "brandId", "primaryColorHex", "primaryColorContrastHex", "secondaryColorHex", "secondaryColorContrastHex", "emailTemplateTouchPointVariant", "created", "lastUpdated")
VALUES ('thdOrgDefaultTheme01', 'bndOrgDefaultBrand01', '#1d4ed8', '#ffffff', '#f8fafc', '#0f172a', 'FULL_THEME', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

-- The brand in force belongs to the "branding" cache topic (lib/db/cache-topics.ts).
CREATE TRIGGER "Brand_cacheVersion" AFTER INSERT OR UPDATE OR DELETE ON "Brand"
FOR EACH ROW EXECUTE FUNCTION "cache_bump_topic_version"('branding');
CREATE TRIGGER "BrandTheme_cacheVersion" AFTER INSERT OR UPDATE OR DELETE ON "BrandTheme"
FOR EACH ROW EXECUTE FUNCTION "cache_bump_topic_version"('branding');
CREATE TRIGGER "BrandImage_cacheVersion" AFTER INSERT OR UPDATE OR DELETE ON "BrandImage"
FOR EACH ROW EXECUTE FUNCTION "cache_bump_topic_version"('branding');
