import Link from "next/link";
import { runListOrgPolicies } from "@/lib/admin/org-policies/list-org-policies";
import type { OrgPolicyType, PolicyType } from "@/lib/dashboard/org-policy-options";
import { ActionForm } from "../_components/action-form";
import { DataTable, EmptyState, PageHeader, Section, StatusBadge, Tabs, Td, buttonClass } from "../_components/ui";
import { read } from "../_lib/admin-request";
import { pickerSelection } from "../_lib/picker-selection";
import { OrgPolicyFields } from "./_forms";

const PLURAL: Record<OrgPolicyType, string> = { OKTA_SIGN_ON: "Global session policies", MFA_ENROLL: "Factor enrollment policies" };

const DESCRIPTION: Record<OrgPolicyType, string> = {
  OKTA_SIGN_ON:
    "Decide who may sign in, who must verify a second factor and how long sessions last. Evaluated in priority order: the first ACTIVE policy assigned to the user that has a matching ACTIVE rule decides, with its first matching rule.",
  MFA_ENROLL: "Decide which factors users may or must enroll, and when. Evaluated in priority order like the sign-on policies.",
};

/** A policy list's name cell: the link to its page, "Default" for the system policy, its description. */
export function PolicyNameCell({ policy }: { policy: { id: string; name: string; system: boolean; description: string | null } }) {
  return (
    <Td>
      <Link href={`/admin/sign-on-policies/${policy.id}`} className={buttonClass.link}>
        {policy.name}
      </Link>
      {policy.system ? <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700">Default</span> : null}
      {policy.description ? <span className="block text-xs text-slate-600">{policy.description}</span> : null}
    </Td>
  );
}

/** The sign-on, enrollment and app authentication pages' tabs. */
export function OrgPolicyTabs({ current }: { current: PolicyType }) {
  return (
    <Tabs
      label="Policy types"
      current={current}
      tabs={[
        { key: "OKTA_SIGN_ON", href: "/admin/sign-on-policies", label: "Global Session" },
        { key: "MFA_ENROLL", href: "/admin/sign-on-policies/enrollment", label: "Factor Enrollment" },
        { key: "ACCESS_POLICY", href: "/admin/sign-on-policies/authentication", label: "App Authentication" },
      ]}
    />
  );
}

/** The policies of one type in priority order (the default last), with reordering and the create form. */
export async function OrgPolicyList({ type }: { type: OrgPolicyType }) {
  const policies = await read((ctx) => runListOrgPolicies(ctx, type));
  const groups = await pickerSelection("group", policies.flatMap((policy) => policy.conditions.people.groups.include));
  const movable = (index: number) => index < policies.length && !policies[index]?.system;
  return (
    <>
      <PageHeader title="Sign-on policies" description={DESCRIPTION[type]} />
      <OrgPolicyTabs current={type} />
      <Section title={PLURAL[type]}>
        {policies.length === 0 ? (
          <EmptyState title="No policies">The default policy is created with the database; run the migrations.</EmptyState>
        ) : (
          <DataTable caption={`${PLURAL[type]} in priority order`} headers={["Priority", "Name", "Assigned to", "Status", "Reorder"]}>
            {policies.map((policy, index) => {
              const include = policy.conditions.people.groups.include;
              return (
                <tr key={policy.id}>
                  <Td>{policy.priority}</Td>
                  <PolicyNameCell policy={policy} />
                  <Td className="max-w-xs">{include.length ? include.map((id) => groups.get(id)?.label ?? id).join(", ") : "Everyone"}</Td>
                  <Td>
                    <StatusBadge status={policy.status} />
                  </Td>
                  <Td>
                    <div className="flex gap-1">
                      {!policy.system && index > 0 ? (
                        <ActionForm action="orgPolicy.move" fields={{ policyId: policy.id, direction: "up" }} submitLabel="↑" submitAriaLabel={`Move ${policy.name} up`} variant="secondary" inline />
                      ) : null}
                      {movable(index + 1) ? (
                        <ActionForm action="orgPolicy.move" fields={{ policyId: policy.id, direction: "down" }} submitLabel="↓" submitAriaLabel={`Move ${policy.name} down`} variant="secondary" inline />
                      ) : null}
                      {policy.system ? <span className="text-xs text-slate-600">Always last</span> : null}
                    </div>
                  </Td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </Section>
      <Section title="Add policy" description="A new policy comes before the default one; add its rules on the policy's page.">
        <ActionForm action="orgPolicy.create" fields={{ type }} submitLabel="Create policy">
          <OrgPolicyFields type={type} prefix="new-policy" />
        </ActionForm>
      </Section>
    </>
  );
}
