/** Longest link a brand keeps (footer links, help link, privacy policy). */
export const MAX_LINK_URL_LENGTH = 2048;

/**
 * A link a brand may put on every hosted page and in emails: an absolute https, http or mailto URL
 * without credentials. Anything else (javascript:, data:, vbscript:, a relative path) is refused,
 * so a brand setting can never run script on a sign-in page.
 */
export function isSafeLinkUrl(value: string): boolean {
  if (value.length === 0 || value.length > MAX_LINK_URL_LENGTH || /[\u0000-\u001f\u007f\s]/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === "mailto:") return /^mailto:[^@/]+@[^@/]+$/i.test(value);
  if (url.protocol !== "https:" && url.protocol !== "http:") return false;
  return url.username === "" && url.password === "" && url.hostname !== "";
}
