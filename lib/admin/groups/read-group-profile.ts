import { parseInput } from "../../okta-api/parse-input";
import { groupInput, groupProfileInput, type GroupBody, type GroupProfileInput } from "./group-input";

/** The validated profile of a create or replace body. */
export function readGroupProfile(raw: GroupBody): GroupProfileInput {
  const body = parseInput(groupInput, raw, "profile");
  return parseInput(groupProfileInput, body.profile, "profile");
}
