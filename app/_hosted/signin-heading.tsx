import { getAppContext } from "@/lib/app-context";
import { readHostedBranding } from "@/lib/hosted/read-hosted-branding";

/**
 * The sign-in page's heading: the brand's own (widgetCustomizations.signInLabel) or the page's
 * `children`, and under it the brand's help text (classicFooterHelpTitle) when it has one.
 */
export async function SigninHeading({ children }: { children: React.ReactNode }) {
  const { signIn } = await readHostedBranding(getAppContext());
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">{signIn.heading ?? children}</h1>
      {signIn.helpText ? <p className="hs-signin-help">{signIn.helpText}</p> : null}
    </>
  );
}
