import type { Locale } from "./locales";

/**
 * A message catalog: for every locale, the same keys, each an ICU MessageFormat string
 * (`"Hello {name}"`, plurals, selects). English defines the keys; TypeScript refuses a catalog
 * whose other locales miss a key or add one, and lib/i18n/every-catalog.test.ts checks every
 * registered catalog at run time too (keys, ICU syntax, the same placeholders in each locale).
 */
export type Catalog<K extends string = string> = { readonly [L in Locale]: { readonly [key in K]: string } };

/** Every catalog defined so far in this process (defineCatalog registers it): what the catalog test walks. */
const registry: Catalog[] = [];

/**
 * Defines (and registers) a catalog. The convention the catalog test relies on: every catalog is
 * made by a call of defineCatalog at the top level of a module under lib/ (e.g.
 * `lib/hosted/consent-messages.ts`); the test imports every lib/ file that calls it and checks
 * whatever those imports registered, so a new catalog is checked without being listed anywhere.
 */
export function defineCatalog<const K extends string>(catalog: { en: Record<K, string> } & { readonly [L in Exclude<Locale, "en">]: Record<K, string> }): Catalog<K> {
  registry.push(catalog as Catalog);
  return catalog as Catalog<K>;
}

/** The catalogs defined so far (the catalog test's view of the registry). */
export function registeredCatalogs(): readonly Catalog[] {
  return registry;
}
