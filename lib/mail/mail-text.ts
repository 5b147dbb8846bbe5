/** Control characters (CR and LF among them) and the Unicode line and paragraph separators. */
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const LINE_BREAKS = new RegExp(`${LINE_BREAKING.source}+`, "g");

/**
 * A value that goes into a subject or a one-line text (a name, a factor's name): control
 * characters and line breaks become one space, so a value can neither add a header (header
 * injection, RFC 5322 2.2) nor lines that pass for the message's own; at most `max` characters.
 */
export function singleLine(value: string, max = 200): string {
  const line = value.replace(LINE_BREAKS, " ").replace(/\s{2,}/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** An absolute http(s) URL without credentials, or an Error: a link in an email is never javascript:, data: or a relative path. */
export function checkLink(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`renderMail: ${what} is not an absolute URL`);
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password || LINE_BREAKING.test(value)) {
    throw new Error(`renderMail: ${what} must be an http(s) URL without credentials or control characters`);
  }
  return url.href;
}

/** A date in the reader's language, in UTC (the server does not know the reader's time zone): "15 January 2026 at 10:00 UTC". */
export function formatMailDate(date: Date, locale: string): string {
  if (Number.isNaN(date.getTime())) throw new Error("renderMail: invalid date");
  return `${new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(date)} UTC`;
}
