-- Cache invalidation, declared once per topic (lib/cache/cache-topics.ts) and done by the database
-- inside the writing statement's transaction, so no write can forget it: raw SQL, cascades and
-- batch transactions included. tests/db/cache-topic-triggers.test.ts writes every feeding table
-- every way and fails if the topic's version does not move. Note (SQLite): a drafted migration that
-- redefines one of these tables (CREATE "new_X", DROP "X", RENAME) drops its triggers: recreate them.


-- Topic "authorization-server:<id>": the server row's configVersion. A change to any other column
-- of the row but lastUpdated bumps it (touchAuthorizationServer only moves lastUpdated, which does
-- not), unless the statement set configVersion itself (as the triggers below do).
CREATE FUNCTION "cache_bump_own_config_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."configVersion" = OLD."configVersion"
    AND to_jsonb(NEW) - 'lastUpdated' - 'configVersion' IS DISTINCT FROM to_jsonb(OLD) - 'lastUpdated' - 'configVersion' THEN
    NEW."configVersion" := OLD."configVersion" + 1;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "AuthorizationServer_configVersion" BEFORE UPDATE ON "AuthorizationServer"
FOR EACH ROW EXECUTE FUNCTION "cache_bump_own_config_version"();

-- Policy, Scope, Claim, SigningKey: the server named by the row's authServerId (old and new).
CREATE FUNCTION "cache_bump_server_config_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE "AuthorizationServer" SET "configVersion" = "configVersion" + 1 WHERE "id" = OLD."authServerId";
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."authServerId" IS DISTINCT FROM OLD."authServerId") THEN
    UPDATE "AuthorizationServer" SET "configVersion" = "configVersion" + 1 WHERE "id" = NEW."authServerId";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Policy_configVersion" AFTER INSERT OR UPDATE OR DELETE ON "Policy"
FOR EACH ROW EXECUTE FUNCTION "cache_bump_server_config_version"();
CREATE TRIGGER "Scope_configVersion" AFTER INSERT OR UPDATE OR DELETE ON "Scope"
FOR EACH ROW EXECUTE FUNCTION "cache_bump_server_config_version"();
CREATE TRIGGER "Claim_configVersion" AFTER INSERT OR UPDATE OR DELETE ON "Claim"
FOR EACH ROW EXECUTE FUNCTION "cache_bump_server_config_version"();
CREATE TRIGGER "SigningKey_configVersion" AFTER INSERT OR UPDATE OR DELETE ON "SigningKey"
FOR EACH ROW EXECUTE FUNCTION "cache_bump_server_config_version"();

-- PolicyRule: the server of the rule's policy (old and new).
CREATE FUNCTION "cache_bump_rule_server_config_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE "AuthorizationServer" SET "configVersion" = "configVersion" + 1 WHERE "id" IN (SELECT "authServerId" FROM "Policy" WHERE "id" = OLD."policyId");
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."policyId" IS DISTINCT FROM OLD."policyId") THEN
    UPDATE "AuthorizationServer" SET "configVersion" = "configVersion" + 1 WHERE "id" IN (SELECT "authServerId" FROM "Policy" WHERE "id" = NEW."policyId");
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "PolicyRule_configVersion" AFTER INSERT OR UPDATE OR DELETE ON "PolicyRule"
FOR EACH ROW EXECUTE FUNCTION "cache_bump_rule_server_config_version"();

-- Topics kept in CacheVersion rows: "clients" (App, ClientSecret), "trusted-origins" (TrustedOrigin);
-- the topic is the trigger's argument.
CREATE FUNCTION "cache_bump_topic_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CacheVersion" ("topic", "version", "lastUpdated") VALUES (TG_ARGV[0], 1, CURRENT_TIMESTAMP)
  ON CONFLICT ("topic") DO UPDATE SET "version" = "CacheVersion"."version" + 1, "lastUpdated" = CURRENT_TIMESTAMP;
  RETURN NULL;
END $$;

CREATE TRIGGER "App_cacheVersion" AFTER INSERT OR UPDATE OR DELETE ON "App"
FOR EACH ROW EXECUTE FUNCTION "cache_bump_topic_version"('clients');
CREATE TRIGGER "ClientSecret_cacheVersion" AFTER INSERT OR UPDATE OR DELETE ON "ClientSecret"
FOR EACH ROW EXECUTE FUNCTION "cache_bump_topic_version"('clients');
CREATE TRIGGER "TrustedOrigin_cacheVersion" AFTER INSERT OR UPDATE OR DELETE ON "TrustedOrigin"
FOR EACH ROW EXECUTE FUNCTION "cache_bump_topic_version"('trusted-origins');
