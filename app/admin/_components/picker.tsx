"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { PICKER_SEARCH_LIMIT, type PickerKind, type PickerOption } from "@/lib/dashboard/pickers/picker-option";
import { searchPicker } from "../picker-actions";
import { inputClass } from "./ui";

type Props = {
  kind: PickerKind;
  /** the form field: one hidden input of this name per chosen entry */
  name: string;
  label: string;
  /** a prefix for the element ids, unique on the page */
  id: string;
  /** what the form holds now, loaded by id (loadPickerSelection) */
  selected: readonly PickerOption[];
  /** false: at most one entry (choosing another replaces it) */
  multiple?: boolean;
  hint?: string;
};

const SEARCH_DELAY_MS = 200;

/**
 * Chooses users, groups or apps by searching the management API as you type (a combobox with a
 * listbox of matches, ARIA 1.2), whatever the size of the directory. The chosen entries are chips,
 * each with a named Remove button and a hidden input, rendered on the server too: without
 * JavaScript the form still submits exactly what it holds, so saving an unchanged form changes
 * nothing. A form reset (after "Add") brings back the entries the page was loaded with. The
 * matches open in the flow of the page, below the box, so no scrolling container (a table row's
 * edit form) clips them.
 */
export function Picker({ kind, name, label, id, selected: initial, multiple = true, hint }: Props) {
  const [selected, setSelected] = useState<readonly PickerOption[]>(initial);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<PickerOption[]>([]);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const initialRef = useRef(initial);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(0);
  const ids = { label: `${id}-label`, input: `${id}-search`, list: `${id}-listbox`, status: `${id}-status`, hint: `${id}-hint` };
  const chosen = new Set(selected.map((option) => option.value));
  const matches = results.filter((option) => !chosen.has(option.value));

  useEffect(() => {
    const form = inputRef.current?.form;
    if (!form) return;
    const reset = () => {
      setSelected(initialRef.current);
      setQuery("");
      setOpen(false);
    };
    form.addEventListener("reset", reset);
    return () => form.removeEventListener("reset", reset);
  }, []);

  useEffect(() => {
    initialRef.current = initial;
  }, [initial]);

  useEffect(() => () => clearTimeout(timer.current), []);

  /** Opens the list and asks the API for `text`, once typing pauses; only the latest answer counts. */
  function search(text: string) {
    setQuery(text);
    setOpen(true);
    setStatus("Searching…");
    const request = ++latest.current;
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const answer = await searchPicker({ kind, query: text }).catch(() => ({ ok: false as const, error: "The search failed; try again." }));
      if (request !== latest.current) return;
      setActive(-1);
      setResults(answer.ok ? answer.options : []);
      setStatus(answer.ok ? "" : answer.error);
    }, SEARCH_DELAY_MS);
  }

  const describe = () => {
    if (matches.length === 0) return query.trim() ? `No match for “${query.trim()}”.` : "Nothing left to choose.";
    const more = results.length >= PICKER_SEARCH_LIMIT ? " Type more to narrow them." : "";
    return `${matches.length} ${matches.length === 1 ? "match" : "matches"}; use the arrow keys and Enter to choose.${more}`;
  };
  const statusText = !open ? "" : status || describe();

  function choose(option: PickerOption) {
    setSelected((current) => (multiple ? [...current.filter((o) => o.value !== option.value), option] : [option]));
    setActive(-1);
    if (multiple) search("");
    else {
      setQuery("");
      setOpen(false);
    }
    inputRef.current?.focus();
  }

  function remove(option: PickerOption) {
    setSelected((current) => current.filter((o) => o.value !== option.value));
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return search(query);
      if (matches.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((index) => (index + step + matches.length) % matches.length);
    } else if (event.key === "Enter") {
      // Enter chooses; it never submits the form from the search box.
      event.preventDefault();
      const option = matches[active] ?? (matches.length === 1 ? matches[0] : undefined);
      if (open && option) choose(option);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  return (
    <div role="group" aria-labelledby={ids.label} className="flex min-w-0 flex-col gap-1">
      <span id={ids.label} className="text-sm font-medium text-slate-800">
        {label}
      </span>
      {selected.length ? (
        <ul aria-label={`${label}: chosen`} className="flex flex-wrap gap-1">
          {selected.map((option) => (
            <li key={option.value} className={`inline-flex max-w-full items-center gap-1 rounded-full py-0.5 pl-2.5 pr-1 text-sm ${option.missing ? "bg-amber-100 text-amber-900" : "bg-brand-50 text-brand-800"}`}>
              <span className="min-w-0 break-all">
                {option.label}
                {option.missing ? <span className="text-xs"> (not found)</span> : null}
              </span>
              <input type="hidden" name={name} value={option.value} />
              <button type="button" onClick={() => remove(option)} aria-label={`Remove ${option.label}`} className="rounded-full px-1.5 leading-5 hover:bg-white/70">
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">None chosen.</p>
      )}
      <label htmlFor={ids.input} className="sr-only">
        {`Search ${label.toLowerCase()}`}
      </label>
      <div>
        <input
          ref={inputRef}
          id={ids.input}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open && matches.length > 0}
          aria-controls={ids.list}
          aria-activedescendant={open && active >= 0 && matches[active] ? `${id}-option-${active}` : undefined}
          aria-describedby={`${ids.status}${hint ? ` ${ids.hint}` : ""}`}
          autoComplete="off"
          spellCheck={false}
          placeholder={multiple ? "Type to search and add…" : "Type to search…"}
          value={query}
          onChange={(event) => search(event.target.value)}
          onFocus={() => search(query)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          className={inputClass}
        />
        <ul id={ids.list} role="listbox" aria-label={`${label}: matches`} hidden={!open || matches.length === 0} className="mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg">
          {matches.map((option, index) => (
            <li
              key={option.value}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
              className={`cursor-pointer px-3 py-1.5 text-sm ${index === active ? "bg-brand-50 text-brand-800" : "text-slate-800 hover:bg-slate-100"}`}
            >
              <span className="block break-all">{option.label}</span>
              {option.detail ? <span className="block break-all text-xs text-slate-600">{option.detail}</span> : null}
            </li>
          ))}
        </ul>
      </div>
      <p id={ids.status} aria-live="polite" className="text-xs text-slate-600">
        {statusText}
      </p>
      {hint ? (
        <p id={ids.hint} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
