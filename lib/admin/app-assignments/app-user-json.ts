import type { AppAssignment } from "../../assignments/find-app-assignment";
import { isoTime, link } from "../../okta-api/links";

/** Okta's AppUser: a user's assignment to an app. */
export function appUserJson(orgUrl: string, appId: string, user: { id: string; login: string }, assignment: AppAssignment) {
  return {
    id: user.id,
    externalId: null,
    created: isoTime(assignment.created),
    lastUpdated: isoTime(assignment.lastUpdated),
    scope: assignment.scope,
    status: "ACTIVE",
    statusChanged: isoTime(assignment.created),
    passwordChanged: null,
    syncState: "DISABLED",
    credentials: { userName: user.login },
    profile: assignment.profile ?? {},
    _links: {
      app: link(orgUrl, `/api/v1/apps/${appId}`),
      user: link(orgUrl, `/api/v1/users/${user.id}`),
    },
  };
}
