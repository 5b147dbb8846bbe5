import path from "node:path";
import { fileURLToPath } from "node:url";

export type DatabaseTarget =
  | { provider: "sqlite"; filename: string }
  | { provider: "postgresql"; connectionString: string };

/** DATABASE_URL is neither `file:<path>` nor `postgres(ql)://...`. */
export class DatabaseUrlError extends Error {
  readonly code = "config.database_url";
  constructor(message: string) {
    super(message);
    this.name = "DatabaseUrlError";
  }
}

const USAGE =
  "DATABASE_URL must be file:<path> (SQLite, e.g. file:./data/app.db) or postgresql://user@host:port/database (PostgreSQL)";

/** `file:<path>[?params]` as Prisma reads it: the part before `?`; relative paths from the project root. */
function sqliteFilename(afterScheme: string): string {
  const withoutQuery = afterScheme.split("?", 1)[0] ?? "";
  let filename = withoutQuery;
  if (withoutQuery.startsWith("//")) {
    try {
      filename = fileURLToPath(`file:${withoutQuery}`);
    } catch {
      throw new DatabaseUrlError(`${USAGE}; a file:// URL needs an absolute path (file:///abs/app.db).`);
    }
  }
  if (filename.trim() === "") throw new DatabaseUrlError(`${USAGE}; the file path is empty.`);
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), filename);
}

function postgresConnectionString(url: string): string {
  try {
    new URL(url);
  } catch {
    throw new DatabaseUrlError(`${USAGE}; the PostgreSQL URL does not parse.`);
  }
  return url;
}

/**
 * Which database a DATABASE_URL names: SQLite (`file:`, the embedded default) or PostgreSQL
 * (`postgres://`, `postgresql://`). Pure apart from resolving relative SQLite paths against the
 * working directory (the project root). Never echoes the URL: it may carry a password.
 */
export function databaseTarget(url: string): DatabaseTarget {
  const trimmed = url.trim();
  const colon = trimmed.indexOf(":");
  const scheme = colon > 0 ? trimmed.slice(0, colon).toLowerCase() : "";
  const rest = trimmed.slice(colon + 1);
  if (scheme === "file") return { provider: "sqlite", filename: sqliteFilename(rest) };
  if ((scheme === "postgres" || scheme === "postgresql") && rest.startsWith("//")) {
    return { provider: "postgresql", connectionString: postgresConnectionString(trimmed) };
  }
  throw new DatabaseUrlError(`${USAGE}.`);
}
