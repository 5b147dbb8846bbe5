-- The org's one default language is the org setting defaultLocale; the Brands API's locale reads and
-- writes it. A brand language other than English moves into the setting when the setting was never set.
UPDATE "OrgSettings" SET "settings" = jsonb_set("settings", '{defaultLocale}', to_jsonb(b."locale"))
FROM (SELECT "locale" FROM "Brand" WHERE "isDefault" ORDER BY "created", "id" LIMIT 1) AS b
WHERE "OrgSettings"."settings" -> 'defaultLocale' IS NULL AND b."locale" IN ('de', 'fr');

-- AlterTable
ALTER TABLE "Brand" DROP COLUMN "locale";

