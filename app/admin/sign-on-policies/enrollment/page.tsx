import { OrgPolicyList } from "../_policy-list";

export const metadata = { title: "Factor enrollment policies" };

export default function EnrollmentPoliciesPage() {
  return <OrgPolicyList type="MFA_ENROLL" />;
}
