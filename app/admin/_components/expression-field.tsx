"use client";

import { useState } from "react";
import { checkExpression } from "@/lib/el/check-expression";
import { inputClass } from "./ui";

/**
 * The claim value: checked as you type with the admin API's own parser (lib/el). Only for
 * EXPRESSION values; a GROUPS filter is checked by the server when saved.
 */
export function ExpressionField({ name, defaultValue, label, defaultValueType, idPrefix, defaultGroupFilterType = "STARTS_WITH" }: { name: string; defaultValue: string; label: string; defaultValueType: string; idPrefix: string; defaultGroupFilterType?: string }) {
  const [value, setValue] = useState(defaultValue);
  const [valueType, setValueType] = useState(defaultValueType);
  const error = valueType === "EXPRESSION" && value.trim() !== "" ? checkExpression(value) : null;
  const id = `${idPrefix}-${name}`;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor={`${idPrefix}-valueType`} className="text-sm font-medium text-slate-800">
          Value type
        </label>
        <select id={`${idPrefix}-valueType`} name="valueType" value={valueType} onChange={(e) => setValueType(e.target.value)} className={inputClass}>
          <option value="EXPRESSION">Expression</option>
          <option value="GROUPS">Groups</option>
        </select>
      </div>
      {valueType === "GROUPS" ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${idPrefix}-groupFilterType`} className="text-sm font-medium text-slate-800">
            Group filter
          </label>
          <select id={`${idPrefix}-groupFilterType`} name="groupFilterType" className={inputClass} defaultValue={defaultGroupFilterType}>
            <option value="STARTS_WITH">Starts with</option>
            <option value="EQUALS">Equals</option>
            <option value="CONTAINS">Contains</option>
            <option value="REGEX">Matches regex</option>
          </select>
        </div>
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        <textarea
          id={id}
          name={name}
          rows={2}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-status`}
          className={`${inputClass} font-mono ${error ? "border-red-500" : ""}`}
          spellCheck={false}
        />
        <p id={`${id}-status`} className={`text-xs ${error ? "text-red-700" : "text-slate-600"}`} aria-live="polite" data-testid="expression-status">
          {valueType !== "EXPRESSION"
            ? "The group name (or pattern) to match; the server checks it when you save."
            : value.trim() === ""
              ? "An Okta Expression Language expression, e.g. user.email or appuser.department."
              : error
                ? `Syntax error: ${error.message}`
                : "Valid expression."}
        </p>
      </div>
    </div>
  );
}
