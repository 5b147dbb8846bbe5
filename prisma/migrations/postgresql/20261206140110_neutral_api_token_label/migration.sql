-- AlterTable
ALTER TABLE "ApiToken" ALTER COLUMN "clientName" SET DEFAULT 'Management API';


-- Tokens labelled with the vendor name before: the neutral label (the issue: "API tokens are labelled Okta API").
UPDATE "ApiToken" SET "clientName" = 'Management API' WHERE "clientName" = 'Okta API';
