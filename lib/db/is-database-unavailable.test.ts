import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, unavailableReason } from "./is-database-unavailable";

/** The shapes Prisma 7 throws (PrismaClientKnownRequestError with the driver-adapter error in meta), as observed. */
const prismaError = (code: string, cause?: Record<string, unknown>) =>
  Object.assign(new Error(`\nInvalid \`db.user.findFirst()\` invocation:\n\nmessage for ${code}`), { name: "PrismaClientKnownRequestError", code, meta: cause ? { driverAdapterError: { cause } } : {} });
const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: "connect", errno: -111 });
const sqliteError = (code: string) => Object.assign(new Error("database is locked"), { code });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["P1001 can't reach (connection refused)", prismaError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 })],
    ["P1008 operation timed out (SQLITE_BUSY after the busy timeout)", prismaError("P1008", { kind: "SocketTimeout" })],
    ["P1017 server closed the connection", prismaError("P1017", { kind: "ConnectionClosed" })],
    ["P2010 raw query on a closed connection", prismaError("P2010", { kind: "ConnectionClosed" })],
    ["P2028 transaction could not start in time", prismaError("P2028")],
    ["P2024 timed out fetching a connection", prismaError("P2024")],
    ["P2034 write conflict or deadlock", prismaError("P2034", { kind: "TransactionWriteConflict" })],
    ["P2037 too many connections (53300)", prismaError("P2037", { kind: "TooManyConnections", originalCode: "53300" })],
    ["P2039 the database system is starting up (57P03)", prismaError("P2039", { kind: "postgres", code: "57P03", originalCode: "57P03" })],
    ["admin shutdown (57P01)", prismaError("P2039", { kind: "postgres", code: "57P01" })],
    ["statement_timeout (57014)", prismaError("P2039", { kind: "postgres", code: "57014" })],
    ["connection exception class 08", prismaError("P2039", { kind: "postgres", code: "08006" })],
    ["pg query_timeout", new Error("Query read timeout")],
    ["pg-pool acquire timeout", new Error("timeout exceeded when trying to connect")],
    ["pg connect timeout", Object.assign(new Error("Connection terminated due to connection timeout"), { cause: new Error("Connection terminated unexpectedly") })],
    ["pg connection lost", new Error("Connection terminated unexpectedly")],
    ["pg client ended after a timeout", new Error("Client was closed and is not queryable")],
    ["socket ECONNREFUSED", socketError("ECONNREFUSED")],
    ["socket ECONNRESET", socketError("ECONNRESET")],
    ["better-sqlite3 SQLITE_BUSY", sqliteError("SQLITE_BUSY")],
    ["better-sqlite3 SQLITE_BUSY_SNAPSHOT", sqliteError("SQLITE_BUSY_SNAPSHOT")],
    ["wrapped in a cause", Object.assign(new Error("could not load"), { cause: prismaError("P1001", { kind: "DatabaseNotReachable" }) })],
  ])("true for %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["P2002 unique constraint", prismaError("P2002", { kind: "UniqueConstraintViolation" })],
    ["P2025 record not found", prismaError("P2025")],
    ["P2003 foreign key", prismaError("P2003", { kind: "ForeignKeyConstraintViolation" })],
    ["a postgres syntax error (42601)", prismaError("P2010", { kind: "postgres", code: "42601" })],
    ["a unique violation SQLSTATE (23505)", prismaError("P2010", { kind: "postgres", code: "23505" })],
    ["SQLITE_CONSTRAINT", sqliteError("SQLITE_CONSTRAINT_UNIQUE")],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["a message that only mentions a timeout", new Error("the request timed out")],
    ["null", null],
    ["a string", "P1001"],
    ["an object without code", { message: "nope" }],
  ])("false for %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("follows a cycle of causes without looping", () => {
    const a = new Error("a") as Error & { cause?: unknown };
    const b = new Error("b", { cause: a });
    a.cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe("unavailableReason", () => {
  it.each([
    [prismaError("P1001", { kind: "DatabaseNotReachable" }), "P1001 message for P1001"],
    [new Error("Query read timeout"), "Query read timeout"],
    [sqliteError("SQLITE_BUSY"), "SQLITE_BUSY database is locked"],
  ])("is one line: %#", (error, expected) => {
    expect(unavailableReason(error)).toBe(expected);
  });
});
