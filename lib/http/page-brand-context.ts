import { AsyncLocalStorage } from "node:async_hooks";
import { DEFAULT_PAGE_BRAND, type PageBrand } from "./page-brand";

// One store per process, on globalThis: Next.js may load this module more than once (route
// bundles), and the brand set by one copy must be seen by the page renderer of another.
const holder = globalThis as unknown as { __idpPageBrand?: AsyncLocalStorage<PageBrand> };
const storage = (holder.__idpPageBrand ??= new AsyncLocalStorage<PageBrand>());

/**
 * Runs a hosted request with the brand in force, read once by its route shell
 * (app/_http/hosted-routes.ts): every page it renders as a string (renderMessagePage: the error,
 * signed-out and 503 pages, wherever in the request they are built) shows that brand without each
 * call site having to carry it.
 */
export function withPageBrand<T>(brand: PageBrand, run: () => T): T {
  return storage.run(brand, run);
}

/** The brand of the hosted request in progress; the neutral default outside one (tests, a request whose brand could not be read). */
export function currentPageBrand(): PageBrand {
  return storage.getStore() ?? DEFAULT_PAGE_BRAND;
}
