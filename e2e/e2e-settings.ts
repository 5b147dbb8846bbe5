/** Fixed first-run credentials of the e2e server (playwright.config.ts passes them as ADMIN_*). */
export const E2E_ADMIN_EMAIL = "admin@e2e.test";
export const E2E_ADMIN_PASSWORD = "e2e-Admin-password-1";
export const E2E_ADMIN_TOKEN = "00e2eTestApiToken0000000000000000000000000";
