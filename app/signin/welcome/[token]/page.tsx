import type { Metadata } from "next";
import type { SearchParams } from "../../../_hosted/search-param";
import { TokenPasswordPage } from "../../_recovery/token-password-page";

export const dynamic = "force-dynamic";
// As the sign-in page: same-origin referrer so the form post carries the Origin the submit step checks.
export const metadata: Metadata = { title: "Activate your account", robots: { index: false, follow: false }, referrer: "same-origin" };

/** /signin/welcome/{activationToken}[?fromURI=]: where Okta's activation link /welcome/{token} leads (it sets the CSRF cookie first). */
export default async function WelcomePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: SearchParams }) {
  return <TokenPasswordPage kind="ACTIVATION" token={(await params).token} query={await searchParams} />;
}
