import { runListApps } from "@/lib/admin/apps/list-apps";
import { runListOrgPolicies } from "@/lib/admin/org-policies/list-org-policies";
import { pageOf } from "@/lib/admin/pagination";
import { ActionForm } from "../../_components/action-form";
import { DataTable, EmptyState, PageHeader, Section, StatusBadge, Td } from "../../_components/ui";
import { read, readResult } from "../../_lib/admin-request";
import { OrgPolicyFields } from "../_forms";
import { OrgPolicyTabs, PolicyNameCell } from "../_policy-list";

export const metadata = { title: "App authentication policies" };

/** Apps read to show which policy each follows: one page of the Apps API. */
const APPS_SHOWN = 200;

/**
 * The authentication policies (ACCESS_POLICY): each decides the sign-in of the apps assigned to it
 * (the default one: every other app), listed with those apps (from each app's `_links.accessPolicy`,
 * one read of the Apps API; left out for an admin who may not read apps), and the create form.
 */
export default async function AuthenticationPoliciesPage() {
  const [policies, apps] = await Promise.all([read((ctx) => runListOrgPolicies(ctx, "ACCESS_POLICY")), readResult((ctx) => runListApps(ctx, () => ({ page: pageOf(APPS_SHOWN, null) })))]);
  // An admin who may read policies but not apps sees the policies without their apps.
  const appsOf = new Map<string, string[]>();
  for (const app of apps.ok ? apps.value.items : []) {
    const policyId = app._links.accessPolicy?.href.split("/").pop();
    if (policyId) appsOf.set(policyId, [...(appsOf.get(policyId) ?? []), app.label]);
  }
  return (
    <>
      <PageHeader
        title="Sign-on policies"
        description="App authentication policies decide who may sign in to the apps assigned to them, with how many factors and how recently, from which networks. An app assigned to no policy follows the default one. A denied user is refused at sign-in and when refreshing tokens."
      />
      <OrgPolicyTabs current="ACCESS_POLICY" />
      <Section title="App authentication policies">
        {policies.length === 0 ? (
          <EmptyState title="No policies">The default policy is created with the database; run the migrations.</EmptyState>
        ) : (
          <DataTable caption="App authentication policies" headers={["Name", "Apps", "Status"]}>
            {policies.map((policy) => {
              const labels = appsOf.get(policy.id) ?? [];
              return (
                <tr key={policy.id}>
                  <PolicyNameCell policy={policy} />
                  <Td className="max-w-xs text-xs">{!apps.ok ? "—" : labels.length ? labels.join(", ") : "No app"}</Td>
                  <Td>
                    <StatusBadge status={policy.status} />
                  </Td>
                </tr>
              );
            })}
          </DataTable>
        )}
        {apps.ok && apps.value.nextCursor ? <p className="mt-2 text-xs text-slate-600">Apps: the first {APPS_SHOWN} are shown; each policy&apos;s page lists all of its apps.</p> : null}
      </Section>
      <Section title="Add policy" description="Add its rules and assign apps to it on the policy's page.">
        <ActionForm action="orgPolicy.create" fields={{ type: "ACCESS_POLICY" }} submitLabel="Create policy">
          <OrgPolicyFields type="ACCESS_POLICY" prefix="new-policy" />
        </ActionForm>
      </Section>
    </>
  );
}
