import { describe, expect, it } from "vitest";
import { formInputFrom } from "./form-input";

describe("formInputFrom", () => {
  const form = new FormData();
  form.append("_action", "createUser");
  form.append("group", "a");
  form.append("group", "b");
  form.append("avatar", new Blob(["x"]), "x.png");

  it("reads FormData: repeated names as arrays, files ignored", () => {
    expect(formInputFrom(form)).toEqual({ _action: "createUser", group: ["a", "b"] });
  });

  it.each<[string, unknown]>([
    ["an empty object (`[{}]` posted to the action)", {}],
    ["a number", 1],
    ["null", null],
    ["a string", "_action=deleteUser"],
    ["an object posing as FormData", { entries: "x" }],
    ["an array of non-pairs", [1, ["_action"], [2, "x"], ["_action", 3]]],
  ])("is an empty form for %s", (_, input) => {
    expect(formInputFrom(input)).toEqual({});
  });

  it("reads [name, value] pairs", () => {
    expect(formInputFrom([["a", "1"], ["a", "2"], ["b", "3"]])).toEqual({ a: ["1", "2"], b: "3" });
  });
});
