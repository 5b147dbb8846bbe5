/**
 * The request header proxy.ts gives the hosted pages Next.js renders in the person's language
 * (LOCALISED_PAGE_PATH: /signin, /signin/factor, /consent): the page's `request` query value (""
 * without one). The root layout reads it to put the page's language on `<html lang>` (a layout
 * sees no query); any such header the browser sent is replaced, and it is absent on every other
 * page (their language is English).
 */
export const HOSTED_PAGE_REQUEST_HEADER = "x-idp-hosted-request";
