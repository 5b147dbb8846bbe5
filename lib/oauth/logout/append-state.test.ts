import { describe, expect, it } from "vitest";
import { appendState } from "./append-state";

describe("appendState", () => {
  it.each<[string, string, string | null | undefined, string]>([
    ["no state", "https://app.example.com/", undefined, "https://app.example.com/"],
    ["empty state", "https://app.example.com/", "", "https://app.example.com/"],
    ["a plain URI", "https://app.example.com/signed-out", "abc", "https://app.example.com/signed-out?state=abc"],
    ["an origin without path stays as registered", "http://localhost:8080", "s1", "http://localhost:8080?state=s1"],
    ["a URI with a query", "https://app.example.com/out?x=1", "abc", "https://app.example.com/out?x=1&state=abc"],
    ["a URI ending in ?", "https://app.example.com/out?", "abc", "https://app.example.com/out?state=abc"],
    ["a URI ending in &", "https://app.example.com/out?x=1&", "abc", "https://app.example.com/out?x=1&state=abc"],
    ["state is percent-encoded", "https://app.example.com/", "a b&c=d/é", "https://app.example.com/?state=a%20b%26c%3Dd%2F%C3%A9"],
    ["before a fragment", "com.example.app:/out#done", "xyz", "com.example.app:/out?state=xyz#done"],
  ])("%s", (_name, uri, state, expected) => {
    expect(appendState(uri, state)).toBe(expected);
  });
});
