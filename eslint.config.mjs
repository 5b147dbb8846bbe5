import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { layerRules, MAY_QUERY, NOT_YET_DOMAIN, NO_QUERY_IMPORTS, querySyntax } from "./eslint.layers.mjs";

// Rules of lib/ that every stricter lib/ block repeats (a later block's no-restricted-syntax replaces an earlier one's).
const libSyntax = [
  { selector: "CallExpression[callee.name='eval']", message: "No eval." },
  { selector: "NewExpression[callee.name='Function']", message: "No new Function." },
  { selector: "MemberExpression[object.name='Math'][property.name='random']", message: "Use node:crypto randomness." },
];

// Admin changes write only through a transaction client, beside their audit event (lib/admin/audit.ts).
const WRITE = "/^(create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany)$/";
const ATOMIC_AUDIT = "An admin change writes through the transaction client beside its audit event: ctx.db.$transaction(async (tx) => { ...; await audit(tx, ctx, ...) }).";
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
    files: ["lib/admin/**/*.ts", "lib/dashboard/actions/**/*.ts", "lib/keys/rotate-due-keys.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-syntax": ["error", ...libSyntax, ...adminSyntax] },
  },
  {
    // Only domain modules and lib/db query the database (eslint.layers.mjs).
    files: ["lib/**/*.ts"],
    ignores: ["**/*.test.ts", ...MAY_QUERY, ...NOT_YET_DOMAIN],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["next", "next/*"], message: "lib/ stays framework-free: move Next.js glue to app/." }, ...NO_QUERY_IMPORTS] }],
      "no-restricted-syntax": ["error", ...libSyntax, ...querySyntax],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "proxy.ts", "instrumentation.ts"],
    ignores: NOT_YET_DOMAIN,
    rules: {
      "no-restricted-imports": ["error", { patterns: NO_QUERY_IMPORTS }],
      "no-restricted-syntax": ["error", ...querySyntax],
    },
  },
  // The layers (ARCHITECTURE.md): imports only go down, no folder or module imports one that imports it back.
  ...layerRules,
];

export default config;
