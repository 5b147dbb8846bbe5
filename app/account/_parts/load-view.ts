import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAppContext } from "@/lib/app-context";
import { loadAccountView, type AccountView } from "@/lib/account/load-account-view";
import { ACCOUNT_PAGES, type AccountPage } from "@/lib/account/account-urls";
import { orUnavailable } from "../../_hosted/or-unavailable";
import { searchParam, type SearchParams } from "../../_hosted/search-param";

/** A My Account page's view for this request, or a redirect to the hosted sign-in (no session) or the 503 page. */
export async function loadView<P extends AccountPage>(page: P, searchParams: SearchParams): Promise<Extract<AccountView<P>, { kind: "page" }>> {
  const query = await searchParams;
  const h = await headers();
  const view = await orUnavailable(ACCOUNT_PAGES[page], query, () =>
    loadAccountView(getAppContext(), { cookieHeader: h.get("cookie"), acceptLanguage: h.get("accept-language"), query: (name) => searchParam(query, name) }, page),
  );
  if (view.kind === "signin") redirect(view.url);
  return view;
}
