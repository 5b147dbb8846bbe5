import { describe, expect, it } from "vitest";
import { pageLinkHeader } from "./pagination";

const ORG = "https://idp.example.com";
const at = (query: string) => new URL(`https://internal:3000/api/v1/groups${query}`);

describe("pageLinkHeader keeps only limit, after and the list's parameters", () => {
  it.each([
    ["no query", "", null, `<${ORG}/api/v1/groups>; rel="self"`],
    ["only parameters it does not name", "?junk=1&utm_source=x", null, `<${ORG}/api/v1/groups>; rel="self"`],
    ["its own, as the request encoded them, in order", "?search=type%20eq%20%22OKTA_GROUP%22&junk=1&limit=2&q=a+b", null, `<${ORG}/api/v1/groups?search=type%20eq%20%22OKTA_GROUP%22&limit=2&q=a+b>; rel="self"`],
    ["a repeated one, every value", "?q=a&q=b", null, `<${ORG}/api/v1/groups?q=a&q=b>; rel="self"`],
    ["a percent-encoded name, by its decoded name", "?%71=a&%6Aunk=1", null, `<${ORG}/api/v1/groups?%71=a>; rel="self"`],
    ["next: after replaced by the cursor, at the end", "?after=00gA&q=x&junk=1", "00gB", `<${ORG}/api/v1/groups?after=00gA&q=x>; rel="self", <${ORG}/api/v1/groups?q=x&after=00gB>; rel="next"`],
    ["next: a cursor that needs encoding", "?limit=1", "a b/c", `<${ORG}/api/v1/groups?limit=1>; rel="self", <${ORG}/api/v1/groups?limit=1&after=a%20b%2Fc>; rel="next"`],
  ])("%s", (_what, query, cursor, expected) => {
    expect(pageLinkHeader(ORG, at(query), cursor, ["q", "search", "filter"])).toBe(expected);
  });
});
