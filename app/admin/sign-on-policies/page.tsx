import { OrgPolicyList } from "./_policy-list";

export const metadata = { title: "Sign-on policies" };

export default function SignOnPoliciesPage() {
  return <OrgPolicyList type="OKTA_SIGN_ON" />;
}
