/**
 * A validated profile to store (lib/admin/users/user-input.ts checks it whole): kept as sent in the
 * JSON profile; its login and email are also columns (with their lower-case forms, for lookups).
 */
export type UserProfileToStore = { login: string; email: string };
