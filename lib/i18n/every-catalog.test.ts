import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkCatalog } from "./check-catalog";
import { registeredCatalogs } from "./define-catalog";

const ROOT = path.resolve(__dirname, "../..");
const CALL = /\bdefineCatalog\(/;

/** The source files (not tests, not generated code) under `dir`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => path.join(dir, file))
    .filter((file) => !file.startsWith(path.join("lib", "db", "generated")));
}

/** Every lib/ module that calls defineCatalog (the convention: catalogs are defined in lib/, at a module's top level). */
const catalogFiles = sourceFiles("lib").filter((file) => !file.startsWith(path.join("lib", "i18n")) && CALL.test(readFileSync(path.join(ROOT, file), "utf8")));

describe("every message catalog", () => {
  it("catalogs are defined in lib/ only (app/ renders text from lib)", () => {
    expect(sourceFiles("app").filter((file) => CALL.test(readFileSync(path.join(ROOT, file), "utf8")))).toEqual([]);
  });

  it("finds the hosted pages' catalogs", () => {
    expect(catalogFiles).toEqual(expect.arrayContaining([path.join("lib", "http", "hosted-messages.ts"), path.join("lib", "hosted", "signin-messages.ts"), path.join("lib", "hosted", "consent-messages.ts")]));
  });

  it.each(catalogFiles)("%s: every catalog has every key in every locale, with English's placeholders", async (file) => {
    const before = registeredCatalogs().length;
    await import(/* @vite-ignore */ path.join(ROOT, file));
    const defined = registeredCatalogs().slice(before);
    // a module already imported by an earlier file registered its catalogs then: count them once, there
    const problems = defined.flatMap((catalog, index) => checkCatalog(catalog).map((problem) => `catalog #${index + 1}: ${problem}`));
    expect(problems).toEqual([]);
  });

  it("checked every catalog the files define", () => {
    expect(registeredCatalogs().length).toBeGreaterThanOrEqual(catalogFiles.length);
    expect(registeredCatalogs().flatMap((catalog) => checkCatalog(catalog))).toEqual([]);
  });
});
