import { describe, expect, it } from "vitest";
import { MAX_REAUTHENTICATE_SECONDS, parseReauthenticateIn } from "./parse-reauthenticate-in";

describe("parseReauthenticateIn", () => {
  it.each([
    ["PT2H", 7200],
    ["PT0S", 0],
    ["PT30M", 1800],
    ["PT90S", 90],
    ["PT1H30M", 5400],
    ["PT1H0M15S", 3615],
    ["P1D", 86_400],
    ["P1DT12H", 129_600],
    ["P2W", 1_209_600],
    ["PT43800H", MAX_REAUTHENTICATE_SECONDS],
    ["P1825D", MAX_REAUTHENTICATE_SECONDS],
    ["PT157680000S", MAX_REAUTHENTICATE_SECONDS],
  ])("%s is %i seconds", (value, seconds) => {
    expect(parseReauthenticateIn(value)).toBe(seconds);
  });

  it.each([
    [""],
    ["P"],
    ["PT"],
    ["P1DT"],
    ["2H"],
    ["pt2h"],
    ["PT2h"],
    ["PT-2H"],
    ["PT1.5H"],
    ["PT1,5H"],
    ["P1Y"],
    ["P1M"],
    ["P1W2D"],
    ["PT2M1H"],
    ["PT2H "],
    [" PT2H"],
    ["PT43801H"],
    ["PT157680001S"],
    ["P1826D"],
    ["PT99999999999S"],
    ["P" + "1".repeat(40) + "D"],
    ["PT2H".repeat(10)],
  ])("%j is refused", (value) => {
    expect(parseReauthenticateIn(value)).toBeNull();
  });
});
