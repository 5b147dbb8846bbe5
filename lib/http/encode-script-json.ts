/**
 * A value as a JavaScript literal that is safe inside an inline <script>: JSON with `<`, `>` and
 * `&` escaped (no `</script>` or `<!--` can end or change the script element) and U+2028/U+2029
 * escaped (line terminators in older JavaScript string literals).
 */
export function encodeScriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
