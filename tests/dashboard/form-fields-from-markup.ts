import type { FormInput } from "@/lib/dashboard/form-input";

const ENTITIES: Record<string, string> = { "&amp;": "&", "&quot;": '"', "&#x27;": "'", "&#39;": "'", "&lt;": "<", "&gt;": ">" };
const decode = (text: string) => text.replace(/&(amp|quot|#x27|#39|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/\s([a-zA-Z-]+)(?:="([^"]*)")?/g)) found.set(match[1]!.toLowerCase(), decode(match[2] ?? ""));
  return found;
}

/**
 * What a browser would submit for server-rendered form fields left untouched (no JavaScript):
 * inputs with a name (checkboxes and radios only when checked), selects (their selected options,
 * else the first), textareas. Enough for React's static markup of the dashboard's forms.
 */
export function formFieldsFromMarkup(markup: string): FormInput {
  const entries: Array<[string, string]> = [];
  const pattern = /<input\b[^>]*>|<select\b([^>]*)>([\s\S]*?)<\/select>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g;
  for (const match of markup.matchAll(pattern)) {
    if (match[0].startsWith("<input")) {
      const attrs = attributes(match[0]);
      const name = attrs.get("name");
      const type = attrs.get("type") ?? "text";
      if (!name || ((type === "checkbox" || type === "radio") && !attrs.has("checked"))) continue;
      entries.push([name, attrs.get("value") ?? (type === "checkbox" ? "on" : "")]);
    } else if (match[0].startsWith("<select")) {
      const name = attributes(match[1]!).get("name");
      if (!name) continue;
      const options = [...match[2]!.matchAll(/<option\b([^>]*)>/g)].map((option) => attributes(option[1]!));
      const chosen = options.filter((option) => option.has("selected"));
      for (const option of chosen.length ? chosen : options.slice(0, 1)) entries.push([name, option.get("value") ?? ""]);
    } else {
      const name = attributes(match[3]!).get("name");
      if (name) entries.push([name, decode(match[4]!.replace(/^\n/, ""))]);
    }
  }
  const form: Record<string, string | string[]> = {};
  for (const [name, value] of entries) {
    const current = form[name];
    form[name] = current === undefined ? value : Array.isArray(current) ? [...current, value] : [current, value];
  }
  return form;
}
