import type { Locale } from "./locales";

/**
 * A message catalog: for every locale, the same keys, each an ICU MessageFormat string
 * (`"Hello {name}"`, plurals, selects). English defines the keys; TypeScript refuses a catalog
 * whose other locales miss a key or add one, and tests/i18n checks every registered catalog at
 * run time too (placeholders included).
 */
export type Catalog<K extends string = string> = { readonly [L in Locale]: { readonly [key in K]: string } };

export function defineCatalog<const K extends string>(catalog: { en: Record<K, string> } & { readonly [L in Exclude<Locale, "en">]: Record<K, string> }): Catalog<K> {
  return catalog as Catalog<K>;
}
