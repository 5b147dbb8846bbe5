/** HTML text escaping for the few values a page shows. */
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const STYLE = `
  :root { color-scheme: light dark; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #f4f5f7; color: #1d1d21; }
  main { max-width: 26rem; margin: 1rem; padding: 2rem 2.25rem; background: #fff; border-radius: 12px; box-shadow: 0 1px 3px rgba(0,0,0,.12), 0 8px 24px rgba(0,0,0,.06); }
  h1 { margin: 0 0 .5rem; font-size: 1.35rem; }
  p { margin: .5rem 0 0; color: #4b4d57; }
  @media (prefers-color-scheme: dark) { body { background: #16171b; color: #ececf1; } main { background: #22242a; box-shadow: none; } p { color: #b4b6c0; } }
`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The page /v1/logout shows when it does not redirect: no script, no third-party resources. */
export function renderSignedOutPage(): string {
  return page("Signed out", `<h1>You have been signed out</h1>\n<p>You can close this window.</p>`);
}

/** The page /v1/logout shows for a request it refuses (nothing was changed). */
export function renderLogoutErrorPage(message: string): string {
  return page("Sign-out failed", `<h1>Sign-out failed</h1>\n<p>${escapeHtml(message)}</p>`);
}
