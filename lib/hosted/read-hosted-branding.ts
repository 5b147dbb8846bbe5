import type { AppContext } from "../app-context";
import { readBranding } from "../branding/read-branding";
import { DEFAULT_BRANDING, type Branding } from "../branding/resolve-branding";
import type { PageBrand } from "../http/page-brand";

export type { Branding };

/**
 * The brand in force for a hosted page (the page shell, the sign-in heading, page titles): from the
 * branding cache (lib/branding/read-branding), and the neutral brand when it cannot be read, so a
 * page that must tell the user the database is unavailable can still be drawn. Never throws.
 */
export async function readHostedBranding(app: AppContext): Promise<Branding> {
  try {
    return await readBranding(app.db, app.now());
  } catch (error) {
    console.warn(`[hosted] brand unavailable, the neutral brand is shown: ${error instanceof Error ? error.message : String(error)}`);
    return DEFAULT_BRANDING;
  }
}

/** readHostedBranding's page shell brand. */
export async function readPageBrand(app: AppContext): Promise<PageBrand> {
  return (await readHostedBranding(app)).page;
}
