import type { Group } from "../../db/generated/sqlite/client";
import { isoTime, link } from "../../okta-api/links";

/**
 * Okta's Group object. `_links.logo` is empty (this server hosts no group logos) and there is no
 * `self` link: the SDK caches GETs under `self.href` and a membership change (a PUT below the
 * group's path) would not evict it, leaving `lastMembershipUpdated` stale.
 */
export function groupJson(orgUrl: string, group: Group) {
  const base = `/api/v1/groups/${group.id}`;
  return {
    id: group.id,
    created: isoTime(group.created),
    lastUpdated: isoTime(group.lastUpdated),
    lastMembershipUpdated: isoTime(group.lastMembershipUpdated),
    objectClass: ["okta:user_group"],
    type: group.type,
    profile: { name: group.name, description: group.description ?? null },
    _links: {
      logo: [],
      users: link(orgUrl, `${base}/users`),
      apps: link(orgUrl, `${base}/apps`),
    },
  };
}
