import type { ReactNode } from "react";
import { ActionForm } from "./action-form";
import { EditDetails, RowActions } from "./row-actions";
import { DataTable, EmptyState, Section, StatusBadge, Td } from "./ui";

/** What every policy rule row has (authorization-server access rules, org sign-on / enrollment / authentication rules). */
export type RuleRow = { id: string; name: string; priority: number; status: string; system?: boolean };

/** A column between the rule's name and its status: its header, its cell, and the cell's classes. */
export type RuleColumn<R> = { header: string; cell: (rule: R) => ReactNode; className?: string };

type Props<R extends RuleRow> = {
  /** in priority order */
  rules: readonly R[];
  /** what the Rules section says above the table */
  description: string;
  /** what the empty state says when there is no rule */
  emptyText: string;
  caption: string;
  columns: readonly RuleColumn<R>[];
  /** the row actions' names: `${prefix}.move|activate|deactivate|delete|update` */
  prefix: string;
  /** the hidden fields that name the policy; each row adds its ruleId */
  fields: Record<string, string>;
  /** what the delete dialog says of a rule */
  deleteBody: string;
  /** the fields of the rule's edit form */
  editFields: (rule: R) => ReactNode;
};

/**
 * The "Rules" section of a policy page: the rules in priority order, each with its columns, its
 * status, its row actions (move up and down, activate or deactivate, delete after a confirmation)
 * and an edit form. A system (default) rule is marked "Default" and can be edited only: it stays
 * last, ACTIVE and undeleted.
 */
export function RuleTable<R extends RuleRow>({ rules, description, emptyText, caption, columns, prefix, fields, deleteBody, editFields }: Props<R>) {
  const movable = (index: number) => index < rules.length && !rules[index]?.system;
  return (
    <Section title="Rules" description={description}>
      {rules.length === 0 ? (
        <EmptyState title="No rules yet">{emptyText}</EmptyState>
      ) : (
        <DataTable caption={caption} headers={["Priority", "Name", ...columns.map((column) => column.header), "Status", "Actions"]}>
          {rules.map((rule, index) => {
            const ruleFields = { ...fields, ruleId: rule.id };
            return (
              <tr key={rule.id}>
                <Td>{rule.priority}</Td>
                <Td className="font-medium">
                  {rule.name}
                  {rule.system ? <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700">Default</span> : null}
                </Td>
                {columns.map((column) => (
                  <Td key={column.header} className={column.className ?? ""}>
                    {column.cell(rule)}
                  </Td>
                ))}
                <Td>
                  <StatusBadge status={rule.status} />
                </Td>
                <Td>
                  <RowActions
                    prefix={prefix}
                    fields={ruleFields}
                    name={rule.name}
                    noun="rule"
                    up={!rule.system && index > 0}
                    down={!rule.system && movable(index + 1)}
                    status={rule.system ? null : rule.status}
                    deleteBody={rule.system ? null : deleteBody}
                  />
                  <EditDetails label={`rule ${rule.name}`}>
                    <ActionForm action={`${prefix}.update`} fields={ruleFields} submitLabel="Save rule">
                      {editFields(rule)}
                    </ActionForm>
                  </EditDetails>
                </Td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </Section>
  );
}

/** A policy's Activate or Deactivate button and its Delete button (after a confirmation): `${prefix}.activate|deactivate|delete`. */
export function PolicyLifecycleActions({ prefix, fields, name, status }: { prefix: string; fields: Record<string, string>; name: string; status: string }) {
  return (
    <>
      {status === "ACTIVE" ? (
        <ActionForm action={`${prefix}.deactivate`} fields={fields} submitLabel="Deactivate policy" variant="secondary" inline />
      ) : (
        <ActionForm action={`${prefix}.activate`} fields={fields} submitLabel="Activate policy" variant="secondary" inline />
      )}
      <ActionForm
        action={`${prefix}.delete`}
        fields={fields}
        submitLabel="Delete policy"
        variant="danger"
        inline
        confirm={{ title: `Delete policy ${name}?`, body: "Its rules are deleted with it.", confirmLabel: "Delete" }}
      />
    </>
  );
}
