-- The org's one default language is the org setting defaultLocale; the Brands API's locale reads and
-- writes it. A brand language other than English moves into the setting when the setting was never set.
UPDATE "OrgSettings" SET "settings" = json_set("settings", '$.defaultLocale', (SELECT "locale" FROM "Brand" WHERE "isDefault" = 1 ORDER BY "created", "id" LIMIT 1))
WHERE json_extract("settings", '$.defaultLocale') IS NULL
  AND (SELECT "locale" FROM "Brand" WHERE "isDefault" = 1 ORDER BY "created", "id" LIMIT 1) IN ('de', 'fr');

-- DropColumn (SQLite 3.35+; unlike a table redefinition it keeps the Brand cache-version triggers of the "branding" migration)
ALTER TABLE "Brand" DROP COLUMN "locale";
