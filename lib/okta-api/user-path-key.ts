/**
 * How an Okta path names a user (`/api/v1/users/{id|login}`): by login when the key holds '@'
 * (without regard to case; a login arriving still percent-encoded, e.g. `isaac%40example.com`, is
 * decoded: logins never contain '%'), else by id. `key` is the decoded key, `where` the unique
 * lookup. One rule for the operations (lib/users/find-user.ts) and the target rules
 * (lib/admin-roles/check-target-rules.ts), which must judge the very user the operation acts on.
 */
export function userPathKey(idOrLogin: string): { key: string; where: { loginLower: string } | { id: string } } {
  const key = idOrLogin.includes("%") ? decode(idOrLogin) : idOrLogin;
  return { key, where: key.includes("@") ? { loginLower: key.toLowerCase() } : { id: key } };
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
