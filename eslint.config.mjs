import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

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
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.name='eval']", message: "No eval." },
        { selector: "NewExpression[callee.name='Function']", message: "No new Function." },
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: "Use node:crypto randomness." },
      ],
    },
  },
];

export default config;
