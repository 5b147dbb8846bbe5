import type { PlainResponse } from "../http/plain-http";
import { escapeHtml } from "./escape-html";
import { pageSecurityHeaders } from "./page-security-headers";

export type MessagePageInput = {
  status: number;
  title: string;
  /** what happened and what to do, in plain words */
  message: string;
  /** the OAuth error code and description, shown small for support (never user data) */
  error?: { code: string; description: string };
};

const STYLE =
  "body{margin:0;font-family:ui-sans-serif,system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;background:#f8fafc;color:#0f172a}" +
  "main{max-width:32rem;margin:4rem auto;padding:2rem;background:#fff;border:1px solid #e2e8f0;border-radius:.75rem}" +
  "h1{font-size:1.375rem;margin:0 0 .75rem}p{line-height:1.5;color:#334155}code{font-size:.875rem}";

/**
 * A small self-contained HTML page (no script, no external resources) with a title and a message:
 * what cannot go back to the client (an unknown client, an unregistered redirect URI, an expired
 * sign-in request) and logout's signed-out and refusal pages. Not frameable, not cached, no
 * referrer (pageSecurityHeaders).
 */
export function renderMessagePage(input: MessagePageInput): PlainResponse {
  const details = input.error
    ? `<p><small>Error: <code>${escapeHtml(input.error.code)}</code> — ${escapeHtml(input.error.description)}</small></p>`
    : "";
  const html =
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(input.title)}</title><style>${STYLE}</style></head>` +
    `<body><main><h1>${escapeHtml(input.title)}</h1><p>${escapeHtml(input.message)}</p>${details}</main></body></html>`;
  return { status: input.status, headers: pageSecurityHeaders(), html };
}
