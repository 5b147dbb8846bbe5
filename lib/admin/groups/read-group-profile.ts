import type { AdminRequest } from "../admin-request";
import { parseInput } from "../parse-input";
import { readJsonBody } from "../read-json-body";
import { groupInput, groupProfileInput, type GroupProfileInput } from "./group-input";

/** The validated profile of a create or replace body. */
export function readGroupProfile(request: AdminRequest): GroupProfileInput {
  const body = parseInput(groupInput, readJsonBody(request), "profile");
  return parseInput(groupProfileInput, body.profile, "profile");
}
