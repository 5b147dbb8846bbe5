/** Okta's id of the default user type (this server has one user type). */
export const DEFAULT_USER_TYPE_ID = "oty00000000000000000";
