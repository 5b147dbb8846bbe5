import type { runListFactors } from "@/lib/admin/factors/list-factors";
import type { OperationValue } from "@/lib/dashboard/call-operation";
import { factorLabel } from "@/lib/dashboard/factor-label";
import { ActionForm } from "../../_components/action-form";
import { DataTable, EmptyState, Section, StatusBadge, Td, formatTime } from "../../_components/ui";

type FactorJson = OperationValue<typeof runListFactors>[number];

/** The user's enrolled factors, each with a Reset, and Reset all (each asks first). */
export function UserFactors({ userId, name, factors }: { userId: string; name: string; factors: readonly FactorJson[] }) {
  const fields = { userId };
  return (
    <Section
      title="Factors"
      description="The second factors the user enrolled. A reset factor is removed: the user enrolls it again when a policy asks for one."
      actions={
        factors.length ? (
          <ActionForm
            action="factor.resetAll"
            fields={fields}
            submitLabel="Reset all factors"
            variant="secondary"
            inline
            confirm={{ title: `Reset all factors of ${name}?`, body: "Every enrolled factor is removed. If a policy requires one, the user enrolls again at their next sign-in.", confirmLabel: "Reset all" }}
          />
        ) : null
      }
    >
      {factors.length === 0 ? (
        <EmptyState title="No factors enrolled">The user signs in with their password only, unless a policy asks them to enroll a factor.</EmptyState>
      ) : (
        <DataTable caption="Enrolled factors" headers={["Factor", "Provider", "Status", "Enrolled", "Last verified", ""]}>
          {factors.map((factor) => {
            const label = factorLabel(factor);
            const authenticator = factor.profile && typeof factor.profile.authenticatorName === "string" ? factor.profile.authenticatorName : null;
            return (
              <tr key={factor.id}>
                <Td>
                  {label}
                  {authenticator ? <span className="block text-xs text-slate-600">{authenticator}</span> : null}
                  <span className="block font-mono text-xs text-slate-600">{factor.id}</span>
                </Td>
                <Td>{factor.provider}</Td>
                <Td>
                  <StatusBadge status={factor.status} />
                </Td>
                <Td className="whitespace-nowrap">{formatTime(factor.created)}</Td>
                <Td className="whitespace-nowrap">{"lastVerified" in factor && factor.lastVerified ? formatTime(factor.lastVerified) : "Never"}</Td>
                <Td>
                  <ActionForm
                    action="factor.reset"
                    fields={{ ...fields, factorId: factor.id }}
                    submitLabel="Reset"
                    submitAriaLabel={`Reset ${label} (${factor.id})`}
                    variant="secondary"
                    inline
                    confirm={{ title: `Reset ${label}?`, body: "The factor is removed; the user must enroll it again to use it.", confirmLabel: "Reset" }}
                  />
                </Td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </Section>
  );
}
