import { readFileSync } from "node:fs";
// The layers of ARCHITECTURE.md, enforced (eslint-plugin-import, brought by eslint-config-next).
//
// LAYERS lists every part of the code from the top (entry points) to the bottom (infrastructure). A
// file imports only its own part and the parts below it: nothing imports a layer above it. Inside
// the entry, domain and infrastructure layers a part imports only the parts listed AFTER it; the
// surfaces import no other surface but those SURFACE_LINKS names. Together: the direction, and no
// folder imports one that imports it back. A new folder goes into the list where it belongs; an
// import that goes up fails `npm run lint` with the message below: move the shared piece down.
// import/no-cycle additionally refuses module-level cycles inside a part.

/** [layer, parts top to bottom]; a part is a folder or a file, relative to the repository root. */
export const LAYERS = [
  ["entry", ["app", "proxy.ts", "instrumentation.ts", "lib/cli", "lib/bench"]],
  [
    "surface",
    [
      "lib/dashboard",
      "lib/authn",
      "lib/admin",
      "lib/health",
      "lib/hosted",
      "lib/account",
      "lib/oauth/logout",
      "lib/oauth/authorize",
      "lib/oauth/http",
      "lib/oauth/userinfo",
      "lib/oauth/token",
      "lib/oauth/introspect",
      "lib/oauth/revoke",
      "lib/oauth/keys",
      "lib/oauth/discovery",
    ],
  ],
  [
    "domain",
    [
      "lib/bootstrap",
      "lib/housekeeping",
      "lib/registration",
      "lib/user-tokens",
      "lib/signin",
      "lib/sign-on-policies",
      "lib/pending-authorizations",
      "lib/consents",
      "lib/users",
      "lib/groups",
      "lib/api-tokens",
      "lib/factors",
      "lib/sessions",
      "lib/oauth/client-auth",
      "lib/oauth/issue",
      "lib/oauth/verify",
      "lib/oauth/claims",
      "lib/oauth/policy",
      "lib/oauth/pkce",
      "lib/authorization-servers",
      "lib/keys",
      "lib/apps",
      "lib/oauth/tokens",
      "lib/oauth/snapshot",
      "lib/oauth/grant-types.ts",
      "lib/trusted-origins",
      "lib/network-zones",
      "lib/admin-roles",
      "lib/assignments",
      "lib/mail",
      "lib/branding",
      "lib/org-settings",
      "lib/passwords",
      "lib/rate-limit",
      "lib/system-log",
      "lib/claims",
    ],
  ],
  [
    "infrastructure",
    [
      "lib/okta-api",
      "lib/oauth/request",
      "lib/oauth/errors",
      "lib/http",
      "lib/app-context.ts",
      "lib/cache",
      "lib/db",
      "lib/config",
      "lib/ids",
      "lib/i18n",
      "lib/crypto",
      "lib/el",
    ],
  ],
];

/** The only imports between two surfaces (each a DAG edge, checked below). */
export const SURFACE_LINKS = {
  "lib/dashboard": ["lib/admin"], // the dashboard calls the admin API's typed operations (run*)
  "lib/oauth/http": ["lib/oauth/userinfo", "lib/oauth/token", "lib/oauth/introspect", "lib/oauth/revoke", "lib/oauth/keys", "lib/oauth/discovery"], // the router
};

const parts = LAYERS.flatMap(([layer, list]) => list.map((part) => ({ layer, paths: [part].flat() })));
const local = (path) => `./${path}`;
const surfaces = parts.filter((p) => p.layer === "surface").flatMap((p) => p.paths);
for (const [from, list] of Object.entries(SURFACE_LINKS)) {
  for (const to of list) {
    // every link goes down the surface list, so the links cannot form a cycle
    if (!(surfaces.indexOf(from) >= 0 && surfaces.indexOf(to) > surfaces.indexOf(from))) throw new Error(`SURFACE_LINKS ${from} -> ${to} must go down the surface list`);
  }
}

/** One zone per part: it may not import any part above it (nor, for a surface, another surface it does not link to). */
const zones = parts.flatMap((part, index) => {
  let above = parts.slice(0, index).flatMap((p) => p.paths);
  if (part.layer === "surface") {
    const linked = part.paths.flatMap((path) => SURFACE_LINKS[path] ?? []);
    above = [...above, ...surfaces.filter((s) => !part.paths.includes(s) && !above.includes(s) && !linked.includes(s))];
  }
  if (above.length === 0) return [];
  const name = part.paths.join(", ");
  return part.paths.map((target) => ({
    target: local(target),
    from: above.map(local),
    message:
      part.layer === "surface"
        ? `${name} (surface layer) imports only the layers below it and the surfaces SURFACE_LINKS names (ARCHITECTURE.md): move the shared piece down a layer instead.`
        : `${name} (${part.layer} layer) imports only what ARCHITECTURE.md lists below it: move the shared piece down a layer instead.`,
  }));
});

/**
 * app/ (the route files and pages) reaches the domain only through a surface: it imports surfaces and
 * infrastructure (lib/http, lib/app-context, lib/okta-api, ...), never a domain module. The other
 * entry parts (proxy.ts, instrumentation.ts, lib/cli, lib/bench) are the process's own wiring and may.
 */
const ENTRY_VIA_SURFACES = ["app"];
const domainParts = parts.filter((p) => p.layer === "domain").flatMap((p) => p.paths);
zones.push(
  ...ENTRY_VIA_SURFACES.map((target) => ({
    target: local(target),
    from: domainParts.map(local),
    message: `${target}/ (entry) imports only the surfaces and infrastructure, never a domain module (ARCHITECTURE.md): call the domain through its surface (a lib/dashboard function or re-export).`,
  })),
);

export const layerRules = [
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    rules: {
      "import/no-restricted-paths": ["error", { zones }],
    },
  },
  {
    // Product code never imports the tests (test files beside the code may: lib/**/*.test.ts).
    files: ["lib/**/*.{ts,tsx,js,mjs}", "app/**/*.{ts,tsx,js,mjs}", "proxy.ts", "instrumentation.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        { zones: [...zones, { target: "./", from: ["./tests", "./e2e"], message: "Product code does not import tests." }] },
      ],
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
];

// Only the domain modules and lib/db query the database (ARCHITECTURE.md, "Domain modules own their
// data"). Everywhere else a call of a Prisma model method (`x.user.findMany(...)`, the models read
// from prisma/schema.prisma), a raw query or `$transaction` fails lint, and so does a value import of
// the generated client: a surface hands plain data to a domain function instead.
const MODELS = [...readFileSync(new URL("./prisma/schema.prisma", import.meta.url), "utf8").matchAll(/^model\s+(\w+)/gm)].map(
  ([, name]) => name[0].toLowerCase() + name.slice(1),
);
const OPERATIONS =
  "findMany|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany|count|aggregate|groupBy";
const QUERY = "Only the domain modules and lib/db query the database (ARCHITECTURE.md): move this query into the domain module that owns the data, and call it.";
export const querySyntax = [
  { selector: `CallExpression[callee.property.name=/^(${OPERATIONS})$/][callee.object.property.name=/^(${MODELS.join("|")})$/]`, message: QUERY },
  { selector: "MemberExpression[property.name=/^[$](transaction|queryRaw|queryRawUnsafe|executeRaw|executeRawUnsafe)$/]", message: QUERY },
];
/** Where the database may be queried: the domain parts and lib/db (tests anywhere). */
export const MAY_QUERY = [...parts.filter((p) => p.layer === "domain").flatMap((p) => p.paths), "lib/db"].flatMap((p) => (p.endsWith(".ts") ? [p] : [`${p}/**`]));
export const NO_QUERY_IMPORTS = [{ regex: "(^|/)db/generated/", allowTypeImports: true, message: QUERY }];
