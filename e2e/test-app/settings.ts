/**
 * The e2e test app (e2e/test-app/server.mjs): a static page on another origin (the next port up
 * from the IdP's) that drives okta-auth-js 8 in the browser. 3101 when E2E_PORT is unset (CI).
 */
export const E2E_IDP_PORT = Number(process.env.E2E_PORT ?? 3100);
export const TEST_APP_PORT = E2E_IDP_PORT + 1;
export const TEST_APP_ORIGIN = `http://localhost:${TEST_APP_PORT}`;
