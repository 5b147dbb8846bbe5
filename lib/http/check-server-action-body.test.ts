import { describe, expect, it } from "vitest";
import { checkServerActionBody } from "./check-server-action-body";

describe("checkServerActionBody", () => {
  it.each([
    ["no arguments (sign out)", "[]"],
    ["plain values", '[{},1,"a",null,true]'],
    ["an escaped dollar", '["$$5 off"]'],
    ["React's plain-value tags", '["$undefined","$D2026-01-01T00:00:00.000Z","$n12","$-0","$NaN","$-Infinity"]'],
    ["nesting within the bound", `${"[".repeat(60)}${"]".repeat(60)}`],
    ["a FormData reference (an empty form: no parts)", '["$K1"]'],
  ])("accepts a text body with %s", (_, text) => {
    expect(checkServerActionBody({ kind: "text", text })).toBeNull();
  });

  it.each([
    ["garbage", "garbage", "The body is not JSON."],
    ["an empty body", "", "The body is not JSON."],
    ["a broken object", "{{{", "The body is not JSON."],
    ["a reference to a FormData with a name that is no id", '["$Kx"]', "The body refers to '$Kx', which it does not hold."],
    ["a promise reference", '["$@0"]', "The body refers to '$@0', which it does not hold."],
    ["a Map reference", '[{"a":["$Q0"]}]', "The body refers to '$Q0', which it does not hold."],
    ["a server reference", '["$h1"]', "The body refers to '$h1', which it does not hold."],
    ["a temporary reference", '["$T"]', "The body refers to '$T', which it does not hold."],
    ["deep nesting", `${"[".repeat(5000)}${"]".repeat(5000)}`, "The body is nested deeper than 64 levels."],
  ])("refuses a text body with %s", (_, text, reason) => {
    expect(checkServerActionBody({ kind: "text", text })).toBe(reason);
  });

  it("accepts the multipart bodies React sends for (prevState, FormData) and for an empty form (sign out)", () => {
    expect(checkServerActionBody({ kind: "multipart", fields: [["1__action", "createUser"], ["1_login", "a@b.c"], ["0", '[{"kind":"done"},"$K1"]']] })).toBeNull();
    expect(checkServerActionBody({ kind: "multipart", fields: [["0", '["$K1"]']] })).toBeNull();
    expect(checkServerActionBody({ kind: "multipart", fields: [["a_x", "1"], ["0", '["$Ka"]']] })).toBeNull();
  });

  it.each<[string, Array<[string, string | null]>, string]>([
    ["no root part", [["1_x", "y"]], "The multipart body has no root part."],
    ["no parts at all", [], "The multipart body has no root part."],
    ["a file as root", [["0", null]], "The root part is a file."],
    ["a promise reference", [["0", '["$@1"]'], ["1_a", "b"]], "The body refers to '$@1', which it does not hold."],
    ["a root that is not JSON", [["0", "x"]], "The body is not JSON."],
  ])("refuses a multipart body with %s", (_, fields, reason) => {
    expect(checkServerActionBody({ kind: "multipart", fields })).toBe(reason);
  });
});
