import type { User } from "../../db/generated/sqlite/client";
import { isoTime, link, type Link } from "../../okta-api/links";
import { DEFAULT_USER_TYPE_ID } from "../../users/default-user-type";
import type { UserProfile } from "./user-input";

/** The lifecycle operations each status allows, as Okta advertises them in `_links`. */
const LIFECYCLE_LINKS: Record<string, Array<"activate" | "deactivate" | "suspend" | "unsuspend" | "unlock">> = {
  STAGED: ["activate", "deactivate"],
  PROVISIONED: ["activate", "deactivate"],
  ACTIVE: ["suspend", "deactivate"],
  SUSPENDED: ["unsuspend", "deactivate"],
  LOCKED_OUT: ["unlock", "deactivate"],
  RECOVERY: ["deactivate"],
  PASSWORD_EXPIRED: ["deactivate"],
  DEPROVISIONED: ["activate"],
};

export type UserJsonOptions = {
  /** Okta gives a single user every link its status allows, and users in a collection only `self`. */
  links: "lifecycle" | "self";
};

/**
 * Okta's User object. `credentials.password` is a bare `{}` when the user has a password; nothing
 * about the password itself (or its hash) is ever written. Unset dates are null.
 */
export function userJson(orgUrl: string, user: User, options: UserJsonOptions = { links: "lifecycle" }) {
  const base = `/api/v1/users/${user.id}`;
  const links: Record<string, Link> = {};
  if (options.links === "lifecycle") {
    for (const action of LIFECYCLE_LINKS[user.status] ?? []) links[action] = link(orgUrl, `${base}/lifecycle/${action}`);
  }
  links.self = link(orgUrl, base);
  return {
    id: user.id,
    status: user.status,
    ...(user.transitioningToStatus ? { transitioningToStatus: user.transitioningToStatus } : {}),
    created: isoTime(user.created),
    activated: isoTime(user.activated),
    statusChanged: isoTime(user.statusChanged),
    lastLogin: isoTime(user.lastLogin),
    lastUpdated: isoTime(user.lastUpdated),
    passwordChanged: isoTime(user.passwordChanged),
    type: { id: DEFAULT_USER_TYPE_ID },
    profile: user.profile as UserProfile, // stored only as userProfileInput accepted it
    credentials: { ...(user.passwordHash ? { password: {} } : {}), provider: { type: "OKTA", name: "OKTA" } },
    _links: links,
  };
}
