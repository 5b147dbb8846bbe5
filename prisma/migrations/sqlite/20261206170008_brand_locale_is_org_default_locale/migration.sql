-- The org's one default language is the org setting defaultLocale; the Brands API's locale reads and
-- writes it. A brand language other than English moves into the setting when the setting was never set.
UPDATE "OrgSettings" SET "settings" = json_set("settings", '$.defaultLocale', (SELECT "locale" FROM "Brand" WHERE "isDefault" = 1 ORDER BY "created", "id" LIMIT 1))
WHERE json_extract("settings", '$.defaultLocale') IS NULL
  AND (SELECT "locale" FROM "Brand" WHERE "isDefault" = 1 ORDER BY "created", "id" LIMIT 1) IN ('de', 'fr');

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Brand" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT true,
    "customPrivacyPolicyUrl" TEXT,
    "agreeToCustomPrivacyPolicy" BOOLEAN NOT NULL DEFAULT false,
    "removePoweredByOkta" BOOLEAN NOT NULL DEFAULT false,
    "signInPage" JSONB,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUpdated" DATETIME NOT NULL
);
INSERT INTO "new_Brand" ("agreeToCustomPrivacyPolicy", "created", "customPrivacyPolicyUrl", "id", "isDefault", "lastUpdated", "name", "removePoweredByOkta", "signInPage") SELECT "agreeToCustomPrivacyPolicy", "created", "customPrivacyPolicyUrl", "id", "isDefault", "lastUpdated", "name", "removePoweredByOkta", "signInPage" FROM "Brand";
DROP TABLE "Brand";
ALTER TABLE "new_Brand" RENAME TO "Brand";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

