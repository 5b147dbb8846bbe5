import type { ReactNode } from "react";
import { ActionForm } from "./action-form";

type Props = {
  /** the actions' names: `${prefix}.move`, `.activate`, `.deactivate`, `.delete` */
  prefix: string;
  fields: Record<string, string>;
  /** the row's name, for the buttons' labels */
  name: string;
  /** the kind of row ("rule"), for the delete dialog's title */
  noun: string;
  up: boolean;
  down: boolean;
  /** the status to toggle; null: no toggle (a default rule) */
  status: string | null;
  /** what the delete dialog says; null: no delete button */
  deleteBody: string | null;
};

/** A prioritized row's buttons (rules): move up and down, activate or deactivate, delete after a confirmation. */
export function RowActions({ prefix, fields, name, noun, up, down, status, deleteBody }: Props) {
  return (
    <div className="flex flex-wrap gap-1">
      {up ? <ActionForm action={`${prefix}.move`} fields={{ ...fields, direction: "up" }} submitLabel="↑" submitAriaLabel={`Move ${name} up`} variant="secondary" inline /> : null}
      {down ? <ActionForm action={`${prefix}.move`} fields={{ ...fields, direction: "down" }} submitLabel="↓" submitAriaLabel={`Move ${name} down`} variant="secondary" inline /> : null}
      {status === null ? null : status === "ACTIVE" ? (
        <ActionForm action={`${prefix}.deactivate`} fields={fields} submitLabel="Deactivate" submitAriaLabel={`Deactivate ${name}`} variant="secondary" inline />
      ) : (
        <ActionForm action={`${prefix}.activate`} fields={fields} submitLabel="Activate" submitAriaLabel={`Activate ${name}`} variant="secondary" inline />
      )}
      {deleteBody === null ? null : (
        <ActionForm
          action={`${prefix}.delete`}
          fields={fields}
          submitLabel="Delete"
          submitAriaLabel={`Delete ${name}`}
          variant="danger"
          inline
          confirm={{ title: `Delete ${noun} ${name}?`, body: deleteBody, confirmLabel: "Delete" }}
        />
      )}
    </div>
  );
}

/** A row's edit form, folded: "Edit" (named for screen readers by `label`). */
export function EditDetails({ label, children }: { label: string; children: ReactNode }) {
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">
        Edit<span className="sr-only"> {label}</span>
      </summary>
      <div className="mt-3 min-w-[20rem]">{children}</div>
    </details>
  );
}
