// The layers of ARCHITECTURE.md, enforced (eslint-plugin-import, brought by eslint-config-next).
//
// LAYERS lists every part of the code from the top (entry points) to the bottom (infrastructure). A
// file may import only parts listed AFTER its own part: down the layers, and inside a layer down its
// list. That one rule gives the direction (nothing imports a layer above it) and no folder cycles
// (no part imports one that imports it back). A new folder goes into the list where it belongs; a
// new import that goes up fails `npm run lint` with the message below: move the shared piece down.
// import/no-cycle additionally refuses module-level cycles inside a part.

/** [layer, parts top to bottom]; a part is a folder or a file, relative to the repository root. */
export const LAYERS = [
  ["entry", ["app", "proxy.ts", "instrumentation.ts", "lib/cli", "lib/bench"]],
  [
    "surface",
    [
      "lib/dashboard", // dashboard pages' data and server actions: calls the admin operations (run*)
      "lib/authn", // /api/v1/authn and /api/v1/sessions/me: reuses the admin API's Okta error and input kit
      "lib/admin",
      "lib/health",
      "lib/hosted",
      "lib/oauth/logout",
      "lib/oauth/authorize", // the hosted sign-in and /logout read its pending authorization
      "lib/oauth/http", // the router and pipeline of the endpoints below
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
      "lib/signin",
      "lib/sessions",
      "lib/oauth/client-auth",
      "lib/oauth/issue",
      "lib/oauth/verify",
      "lib/oauth/claims",
      "lib/oauth/policy",
      "lib/oauth/pkce",
      "lib/authorization-servers",
      "lib/keys",
      "lib/oauth/tokens",
      "lib/oauth/snapshot",
      "lib/apps",
      "lib/oauth/grant-types.ts",
      "lib/trusted-origins",
      "lib/assignments",
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
      "lib/oauth/request",
      "lib/oauth/errors",
      "lib/http",
      "lib/app-context.ts",
      // One part until the one-cache branch lands: lib/config and lib/db import each other
      // (get-db -> get-config -> parse-config -> database-target, db-limits), and lib/config and
      // lib/cache (versioned-cache -> get-cache-settings -> cache-settings). Target: config, cache, db.
      ["lib/cache", "lib/config", "lib/db"],
      "lib/ids",
      "lib/crypto",
      "lib/el",
    ],
  ],
];

const parts = LAYERS.flatMap(([layer, list]) => list.map((part) => ({ layer, paths: [part].flat() })));
const local = (path) => `./${path}`;

/** One zone per part: it may not import any part above it. */
const zones = parts.flatMap((part, index) => {
  const above = parts.slice(0, index).flatMap((p) => p.paths);
  if (above.length === 0) return [];
  const name = part.paths.join(", ");
  return part.paths.map((target) => ({
    target: local(target),
    from: above.map(local),
    message: `${name} (${part.layer} layer) imports only what ARCHITECTURE.md lists below it: move the shared piece down a layer instead.`,
  }));
});

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
