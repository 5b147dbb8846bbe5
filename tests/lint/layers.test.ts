import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";

// The layer rules (eslint.layers.mjs, ARCHITECTURE.md) fire: each case lints made-up code as if it
// were a file of a folder (one that exists: import/no-cycle maps only files on disk) with the
// project's own configuration, and lists the layer rules that refuse it (no-restricted-syntax: the
// "only domain modules and lib/db query the database" rule).
const ROOT = path.resolve(__dirname, "../..");
const eslint = new ESLint({ cwd: ROOT });
const LAYER_RULES = new Set(["import/no-restricted-paths", "import/no-cycle", "no-restricted-syntax"]);
const QUERY_OUTSIDE_DOMAIN =
  "no-restricted-syntax: Only the domain modules and lib/db query the database (ARCHITECTURE.md): move this query into the domain module that owns the data, and call it.";

async function layerErrors(folder: string, code: string): Promise<string[]> {
  const file = readdirSync(path.join(ROOT, folder)).find((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));
  if (!file) throw new Error(`no module in ${folder}`);
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, folder, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId && LAYER_RULES.has(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
}

describe("layer rules", () => {
  it.each([
    {
      name: "infrastructure importing a surface",
      folder: "lib/db",
      code: 'import { audit } from "../admin/audit";\nexport const x = audit;\n',
      expected: ['import/no-restricted-paths: Unexpected path "../admin/audit" imported in restricted zone. lib/db (infrastructure layer) imports only what ARCHITECTURE.md lists below it: move the shared piece down a layer instead.'],
    },
    {
      name: "configuration importing the database client (cache -> db -> config, no cycle)",
      folder: "lib/config",
      code: 'import { getDb } from "../db/get-db";\nexport const x = getDb;\n',
      expected: [
        "import/no-cycle: Dependency cycle via ../config/get-config:1=>./parse-config:2",
        'import/no-restricted-paths: Unexpected path "../db/get-db" imported in restricted zone. lib/config (infrastructure layer) imports only what ARCHITECTURE.md lists below it: move the shared piece down a layer instead.',
      ],
    },
    {
      name: "a domain module importing one above it in its layer (the folder cycle keys <-> authorization-servers)",
      folder: "lib/keys",
      code: 'import { SYSTEM_SCOPES } from "../authorization-servers/system-scopes";\nexport const x = SYSTEM_SCOPES;\n',
      expected: ['import/no-restricted-paths: Unexpected path "../authorization-servers/system-scopes" imported in restricted zone. lib/keys (domain layer) imports only what ARCHITECTURE.md lists below it: move the shared piece down a layer instead.'],
    },
    {
      name: "a protocol endpoint importing the router that imports it",
      folder: "lib/oauth/token",
      code: 'import { handleOAuthRequest } from "../http/handle-oauth-request";\nexport const x = handleOAuthRequest;\n',
      expected: ['import/no-restricted-paths: Unexpected path "../http/handle-oauth-request" imported in restricted zone. lib/oauth/token (surface layer) imports only the layers below it and the surfaces SURFACE_LINKS names (ARCHITECTURE.md): move the shared piece down a layer instead.'],
    },
    {
      name: "a surface importing a surface it does not link to",
      folder: "lib/dashboard",
      code: 'import { tokenEndpoint } from "../oauth/token/token-endpoint";\nexport const x = tokenEndpoint;\n',
      expected: ['import/no-restricted-paths: Unexpected path "../oauth/token/token-endpoint" imported in restricted zone. lib/dashboard (surface layer) imports only the layers below it and the surfaces SURFACE_LINKS names (ARCHITECTURE.md): move the shared piece down a layer instead.'],
    },
    {
      name: "product code importing the tests",
      folder: "lib/admin",
      code: 'import { ORG_URL } from "../../tests/support/admin-fixture";\nexport const x = ORG_URL;\n',
      expected: ['import/no-restricted-paths: Unexpected path "../../tests/support/admin-fixture" imported in restricted zone. Product code does not import tests.'],
    },
    {
      name: "a surface importing down the layers (allowed)",
      folder: "lib/admin",
      code: 'import { getDb } from "../db/get-db";\nimport { revokeGrant } from "../oauth/tokens/revoke-grant";\nexport const x = [getDb, revokeGrant];\n',
      expected: [],
    },
    {
      name: "app/ importing a domain module",
      folder: "app/admin",
      code: 'import { SESSION_COOKIE_NAME } from "@/lib/sessions/session-cookie";\nimport type { GrantType } from "@/lib/oauth/grant-types";\nexport const x: GrantType[] = [];\nexport const y = SESSION_COOKIE_NAME;\n',
      expected: [
        'import/no-restricted-paths: Unexpected path "@/lib/sessions/session-cookie" imported in restricted zone. app/ (entry) imports only the surfaces and infrastructure, never a domain module (ARCHITECTURE.md): call the domain through its surface (a lib/dashboard function or re-export).',
        'import/no-restricted-paths: Unexpected path "@/lib/oauth/grant-types" imported in restricted zone. app/ (entry) imports only the surfaces and infrastructure, never a domain module (ARCHITECTURE.md): call the domain through its surface (a lib/dashboard function or re-export).',
      ],
    },
    {
      name: "app/ importing surfaces and infrastructure (allowed)",
      folder: "app/admin",
      code: 'import { signOutAdmin } from "@/lib/dashboard/sign-out";\nimport { getAppContext } from "@/lib/app-context";\nimport { checkExpression } from "@/lib/el/check-expression";\nexport const x = [signOutAdmin, getAppContext, checkExpression];\n',
      expected: [],
    },
    {
      name: "a surface querying the database",
      folder: "lib/oauth/keys",
      code: "export const f = (db) => db.user.findMany();\n",
      expected: [QUERY_OUTSIDE_DOMAIN],
    },
    {
      name: "a surface opening a transaction",
      folder: "lib/oauth/discovery",
      code: "export const f = (db) => db.$transaction(async () => null);\n",
      expected: [QUERY_OUTSIDE_DOMAIN],
    },
    {
      name: "a domain module querying the database (allowed)",
      folder: "lib/sessions",
      code: "export const f = (db) => db.user.findMany();\n",
      expected: [],
    },
  ])("$name", async ({ folder, code, expected }) => {
    expect(await layerErrors(folder, code)).toEqual(expected);
  }, 60_000);

  // Two modules of one folder that import each other, written to disk for the run.
  const dir = path.join(ROOT, "lib", `layer-fixture-${process.pid}`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a module cycle inside one folder", async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "a.ts"), 'import { b } from "./b";\nexport const a = () => b;\n');
    writeFileSync(path.join(dir, "b.ts"), 'import { a } from "./a";\nexport const b = () => a;\n');
    const [result] = await eslint.lintFiles([path.join(dir, "a.ts")]);
    expect((result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`)).toEqual(["import/no-cycle: Dependency cycle detected."]);
  }, 60_000);
});
