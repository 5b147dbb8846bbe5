import type { Metadata } from "next";
import type { SearchParams } from "../../../_hosted/search-param";
import { TokenPasswordPage } from "../../_recovery/token-password-page";

export const dynamic = "force-dynamic";
// As the sign-in page: same-origin referrer so the form post carries the Origin the submit step checks.
export const metadata: Metadata = { title: "Reset password", robots: { index: false, follow: false }, referrer: "same-origin" };

/** /signin/reset-password/{recoveryToken}: the password reset link of the email or of the admin's resetPasswordUrl. */
export default async function ResetPasswordPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: SearchParams }) {
  return <TokenPasswordPage kind="RECOVERY" token={(await params).token} query={await searchParams} />;
}
