import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { layerRules, MAY_QUERY, NO_QUERY_IMPORTS, querySyntax } from "./eslint.layers.mjs";

// Rules of lib/ that every stricter lib/ block repeats (a later block's no-restricted-syntax replaces an earlier one's).
const libSyntax = [
  { selector: "CallExpression[callee.name='eval']", message: "No eval." },
  { selector: "NewExpression[callee.name='Function']", message: "No new Function." },
  { selector: "MemberExpression[object.name='Math'][property.name='random']", message: "Use node:crypto randomness." },
];

// A domain write that records an audit event writes only through the transaction client, beside it (the management API's
// handlers cannot query at all: querySyntax below).
const WRITE = "/^(create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany)$/";
const ATOMIC_AUDIT = "An audited change writes through the transaction client beside its record: db.$transaction(async (tx) => { ...; await record(tx, written) }).";
const adminSyntax = [
  { selector: `CallExpression[callee.property.name=${WRITE}][callee.object.object.name='db']`, message: ATOMIC_AUDIT },
  { selector: `CallExpression[callee.property.name=${WRITE}][callee.object.object.property.name='db']`, message: ATOMIC_AUDIT },
  { selector: "MemberExpression[object.name='db'][property.name=/^[$]executeRaw/]", message: ATOMIC_AUDIT },
  { selector: "MemberExpression[object.property.name='db'][property.name=/^[$]executeRaw/]", message: ATOMIC_AUDIT },
  { selector: "CallExpression[callee.property.name='$transaction'][arguments.0.type='ArrayExpression']", message: ATOMIC_AUDIT },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "test-results-*/**",
      "node_modules/**",
      "lib/db/generated/**",
      "prisma/tools/draft/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "data/**",
    ],
  },
  {
    // lib/ is the framework-free core: no Next.js imports there.
    files: ["lib/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["next", "next/*"], message: "lib/ stays framework-free: move Next.js glue to app/." }] }],
      "no-restricted-syntax": ["error", ...libSyntax],
    },
  },
  {
    // the domain modules whose writes the management API audits (RecordChange, lib/db/record-change.ts)
    files: [
      ...["users", "groups", "apps", "assignments", "api-tokens", "authorization-servers", "trusted-origins", "org-settings", "sign-on-policies", "branding"].map((d) => `lib/${d}/**/*.ts`),
      "lib/keys/rotate-due-keys.ts",
    ],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-syntax": ["error", ...libSyntax, ...adminSyntax] },
  },
  {
    // Only domain modules and lib/db query the database (eslint.layers.mjs).
    files: ["lib/**/*.ts"],
    ignores: ["**/*.test.ts", ...MAY_QUERY],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["next", "next/*"], message: "lib/ stays framework-free: move Next.js glue to app/." }, ...NO_QUERY_IMPORTS] }],
      "no-restricted-syntax": ["error", ...libSyntax, ...querySyntax],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "proxy.ts", "instrumentation.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: NO_QUERY_IMPORTS }],
      "no-restricted-syntax": ["error", ...querySyntax],
    },
  },
  // The layers (ARCHITECTURE.md): imports only go down, no folder or module imports one that imports it back.
  ...layerRules,
];

export default config;
