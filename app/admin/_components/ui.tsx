import Link from "next/link";
import type { ReactNode } from "react";

export const buttonClass = {
  primary:
    "inline-flex items-center justify-center gap-1 rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60",
  secondary:
    "inline-flex items-center justify-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-60",
  danger:
    "inline-flex items-center justify-center gap-1 rounded-md bg-red-700 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-60",
  link: "text-sm font-medium text-brand-700 underline-offset-2 hover:underline",
} as const;

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-600 disabled:bg-slate-100";

export function PageHeader({ title, description, actions, breadcrumbs }: { title: string; description?: ReactNode; actions?: ReactNode; breadcrumbs?: Array<{ href: string; label: string }> }) {
  return (
    <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0">
        {breadcrumbs?.length ? (
          <nav aria-label="Breadcrumb" className="mb-1 text-sm text-slate-600">
            <ol className="flex flex-wrap items-center gap-1">
              {breadcrumbs.map((crumb) => (
                <li key={crumb.href} className="flex items-center gap-1">
                  <Link href={crumb.href} className="hover:underline">
                    {crumb.label}
                  </Link>
                  <span aria-hidden="true">/</span>
                </li>
              ))}
            </ol>
          </nav>
        ) : null}
        <h1 className="break-words text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

export function Section({ title, description, children, actions, id }: { title: string; description?: ReactNode; children: ReactNode; actions?: ReactNode; id?: string }) {
  const headingId = id ?? `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={headingId} className="mb-6 rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="flex flex-col gap-2 border-b border-slate-200 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
        <div>
          <h2 id={headingId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {description ? <p className="text-sm text-slate-600">{description}</p> : null}
        </div>
        {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
      </div>
      <div className="p-4">{children}</div>
    </section>
  );
}

export function DataTable({ caption, headers, children }: { caption: string; headers: string[]; children: ReactNode }) {
  return (
    // relative: absolutely positioned descendants (sr-only text) scroll with the table instead of
    // widening the page on narrow screens.
    <div className="relative overflow-x-auto rounded-md border border-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col" className="whitespace-nowrap px-3 py-2 text-left font-semibold text-slate-700">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">{children}</tbody>
      </table>
    </div>
  );
}

export function Td({ children, className = "" }: { children?: ReactNode; className?: string }) {
  return <td className={`px-3 py-2 align-top text-slate-800 ${className}`}>{children}</td>;
}

const STATUS_STYLES: Record<string, string> = {
  ACTIVE: "bg-green-100 text-green-800",
  SUCCESS: "bg-green-100 text-green-800",
  ALLOW: "bg-green-100 text-green-800",
  NEXT: "bg-blue-100 text-blue-800",
  STAGED: "bg-blue-100 text-blue-800",
  PROVISIONED: "bg-blue-100 text-blue-800",
  INACTIVE: "bg-slate-200 text-slate-700",
  EXPIRED: "bg-slate-200 text-slate-700",
  DEPROVISIONED: "bg-slate-200 text-slate-700",
  SUSPENDED: "bg-amber-100 text-amber-900",
  LOCKED_OUT: "bg-amber-100 text-amber-900",
  RECOVERY: "bg-amber-100 text-amber-900",
  PASSWORD_EXPIRED: "bg-amber-100 text-amber-900",
  FAILURE: "bg-red-100 text-red-800",
  DENY: "bg-red-100 text-red-800",
  SENT: "bg-green-100 text-green-800",
  QUEUED: "bg-blue-100 text-blue-800",
  OUTBOX: "bg-amber-100 text-amber-900",
  FAILED: "bg-red-100 text-red-800",
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_STYLES[status] ?? "bg-slate-100 text-slate-700"}`}>{status}</span>;
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-md border border-dashed border-slate-300 bg-slate-50 px-4 py-8 text-center">
      <p className="font-medium text-slate-800">{title}</p>
      {children ? <div className="mt-1 text-sm text-slate-600">{children}</div> : null}
    </div>
  );
}

export function Field({ label, htmlFor, hint, children }: { label: string; htmlFor: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={htmlFor} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${htmlFor}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type InputProps = { name: string; label: string; id?: string; hint?: ReactNode; defaultValue?: string | number | null; type?: string; required?: boolean; placeholder?: string; autoComplete?: string; min?: number; max?: number };

export function TextField({ name, label, id, hint, defaultValue, type = "text", required, placeholder, autoComplete, min, max }: InputProps) {
  const fieldId = id ?? `f-${name}`;
  return (
    <Field label={label} htmlFor={fieldId} hint={hint}>
      <input
        id={fieldId}
        name={name}
        type={type}
        defaultValue={defaultValue ?? undefined}
        required={required}
        placeholder={placeholder}
        autoComplete={autoComplete ?? "off"}
        min={min}
        max={max}
        aria-describedby={hint ? `${fieldId}-hint` : undefined}
        className={inputClass}
      />
    </Field>
  );
}

export function TextArea({ name, label, id, hint, defaultValue, rows = 3, placeholder }: Omit<InputProps, "type"> & { rows?: number }) {
  const fieldId = id ?? `f-${name}`;
  return (
    <Field label={label} htmlFor={fieldId} hint={hint}>
      <textarea id={fieldId} name={name} rows={rows} defaultValue={defaultValue ?? undefined} placeholder={placeholder} aria-describedby={hint ? `${fieldId}-hint` : undefined} className={`${inputClass} font-mono`} />
    </Field>
  );
}

export function SelectField({ name, label, id, hint, defaultValue, options, required }: Omit<InputProps, "type"> & { options: Array<{ value: string; label: string }> }) {
  const fieldId = id ?? `f-${name}`;
  return (
    <Field label={label} htmlFor={fieldId} hint={hint}>
      <select id={fieldId} name={name} defaultValue={defaultValue ?? undefined} required={required} aria-describedby={hint ? `${fieldId}-hint` : undefined} className={inputClass}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function Checkbox({ name, label, id, defaultChecked, value = "true", hint }: { name: string; label: string; id?: string; defaultChecked?: boolean; value?: string; hint?: ReactNode }) {
  const fieldId = id ?? `f-${name}-${value}`;
  return (
    <div className="flex items-start gap-2">
      <input id={fieldId} name={name} type="checkbox" value={value} defaultChecked={defaultChecked} className="mt-0.5 h-4 w-4 rounded border-slate-400" aria-describedby={hint ? `${fieldId}-hint` : undefined} />
      <div>
        <label htmlFor={fieldId} className="text-sm text-slate-800">
          {label}
        </label>
        {hint ? (
          <p id={`${fieldId}-hint`} className="text-xs text-slate-600">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/**
 * A group of checkboxes (or radios) with a legend. A selected value missing from `options` (beyond a
 * list's first page, or no longer offered) still gets its checked box, so saving unchanged keeps it.
 */
export function ChoiceGroup({ legend, name, options: offered, selected, type = "checkbox", hint, idPrefix = "f" }: { idPrefix?: string; legend: string; name: string; options: Array<{ value: string; label: string }>; selected: readonly string[]; type?: "checkbox" | "radio"; hint?: ReactNode }) {
  const options = [...offered, ...selected.filter((value) => !offered.some((option) => option.value === value)).map((value) => ({ value, label: value }))];
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? <p className="mb-1 text-xs text-slate-600">{hint}</p> : null}
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.length === 0 ? <p className="text-sm text-slate-500">None available.</p> : null}
        {options.map((option) => {
          const id = `${idPrefix}-${name}-${option.value}`.replace(/[^A-Za-z0-9_-]/g, "_");
          return (
            <div key={option.value} className="flex items-center gap-2">
              <input id={id} type={type} name={name} value={option.value} defaultChecked={selected.includes(option.value)} className="h-4 w-4 border-slate-400" />
              <label htmlFor={id} className="text-sm text-slate-800">
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function DefinitionList({ items }: { items: Array<[string, ReactNode]> }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
      {items.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-medium text-slate-600">{term}</dt>
          <dd className="break-all text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Tabs({ label, tabs, current }: { label: string; tabs: Array<{ href: string; label: string; key: string }>; current: string }) {
  return (
    <nav aria-label={label} className="relative mb-6 overflow-x-auto border-b border-slate-200">
      <ul className="flex min-w-max gap-1">
        {tabs.map((tab) => {
          const active = tab.key === current;
          return (
            <li key={tab.key}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 text-sm font-medium ${active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"}`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** Keyset pagination: "Next page" while the API's Link header names a next page. */
export function Pager({ basePath, params, after, next }: { basePath: string; params: Record<string, string | undefined>; after?: string; next: string | null }) {
  const href = (cursor: string | null) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
    if (cursor) search.set("after", cursor);
    const query = search.toString();
    return query ? `${basePath}?${query}` : basePath;
  };
  if (!after && !next) return null;
  return (
    <nav aria-label="Pagination" className="mt-4 flex justify-between gap-2">
      {after ? (
        <Link href={href(null)} className={buttonClass.secondary}>
          First page
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={href(next)} className={buttonClass.secondary}>
          Next page
        </Link>
      ) : null}
    </nav>
  );
}

export function formatTime(value: string | Date | null | undefined): string {
  if (!value) return "—";
  const date = typeof value === "string" ? new Date(value) : value;
  return `${date.toISOString().replace("T", " ").slice(0, 19)} UTC`;
}

export function SearchForm({ action, children, submitLabel = "Search" }: { action: string; children: ReactNode; submitLabel?: string }) {
  return (
    <form action={action} method="get" role="search" className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end">
      {children}
      <button type="submit" className={buttonClass.secondary}>
        {submitLabel}
      </button>
    </form>
  );
}

/** Preformatted JSON that scrolls sideways: focusable (keyboard scrolling) and named. */
export function JsonBlock({ label, value, testId }: { label: string; value: unknown; testId?: string }) {
  return (
    <pre tabIndex={0} role="region" aria-label={label} className="relative overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100" data-testid={testId}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
