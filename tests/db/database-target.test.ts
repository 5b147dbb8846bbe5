import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseTarget } from "@/lib/config/database-target";

describe("databaseTarget", () => {
  it("resolves relative SQLite paths against the project root", () => {
    expect(databaseTarget("file:./data/app.db")).toEqual({ provider: "sqlite", filename: path.join(process.cwd(), "data/app.db") });
    expect(databaseTarget("file:data/x.db")).toEqual({ provider: "sqlite", filename: path.join(process.cwd(), "data/x.db") });
  });

  it("keeps absolute SQLite paths and drops Prisma-style parameters", () => {
    expect(databaseTarget("file:/abs/path.db")).toEqual({ provider: "sqlite", filename: "/abs/path.db" });
    expect(databaseTarget("file:/abs/path.db?connection_limit=1")).toEqual({ provider: "sqlite", filename: "/abs/path.db" });
    expect(databaseTarget("file:///abs/url.db")).toEqual({ provider: "sqlite", filename: "/abs/url.db" });
  });

  it("passes PostgreSQL URLs through unchanged", () => {
    for (const url of ["postgres://u:p@db:5432/idp", "postgresql://postgres@127.0.0.1:5432/test?sslmode=disable"]) {
      expect(databaseTarget(url)).toEqual({ provider: "postgresql", connectionString: url });
    }
  });

  it.each(["mysql://root@localhost/idp", "./data/app.db", "", "file:", "postgresql:idp", "sqlite:./x.db"])(
    "refuses %j with config.database_url and a one-line message naming DATABASE_URL",
    (url) => {
      let caught: unknown;
      try {
        databaseTarget(url);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(Error);
      expect(caught).toMatchObject({ code: "config.database_url" });
      const message = (caught as Error).message;
      expect(message).toMatch(/^DATABASE_URL must be file:<path> \(SQLite/);
      expect(message).not.toContain("\n");
    },
  );

  it("never repeats the URL (it may hold a password) in the error", () => {
    expect(() => databaseTarget("mysql://root:s3cret@localhost/idp")).toThrow(expect.objectContaining({ message: expect.not.stringContaining("s3cret") }));
  });
});
