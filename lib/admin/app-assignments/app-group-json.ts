import type { AppGroupAssignment } from "../../db/generated/sqlite/client";
import { isoTime, link } from "../../okta-api/links";

/** Okta's ApplicationGroupAssignment. */
export function appGroupJson(orgUrl: string, assignment: AppGroupAssignment) {
  return {
    id: assignment.groupId,
    lastUpdated: isoTime(assignment.lastUpdated),
    priority: assignment.priority,
    profile: assignment.profile ?? {},
    _links: {
      app: link(orgUrl, `/api/v1/apps/${assignment.appId}`),
      self: link(orgUrl, `/api/v1/apps/${assignment.appId}/groups/${assignment.groupId}`),
      group: link(orgUrl, `/api/v1/groups/${assignment.groupId}`),
    },
  };
}
