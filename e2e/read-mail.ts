import path from "node:path";
import Database from "better-sqlite3";

/** The e2e server's SQLite database (playwright.config.ts: DATABASE_URL file:./<E2E_DATA_DIR>/e2e.db). */
const DB_FILE = path.resolve(process.env.E2E_DATA_DIR ?? "e2e/.data", "e2e.db");

/**
 * The first link in the newest email queued for `to` whose URL path starts with `pathPrefix` (the
 * MailMessage row lib/mail/queue-mail.ts wrote; read straight from the database, independent of how
 * mail is delivered). Null when there is none.
 */
export function latestMailLink(to: string, pathPrefix: string): string | null {
  const db = new Database(DB_FILE, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare(`SELECT "textBody" FROM "MailMessage" WHERE "toAddress" = ? ORDER BY "created" DESC, "id" DESC`).all(to) as Array<{ textBody: string }>;
    for (const row of rows) {
      for (const match of row.textBody.matchAll(/https?:\/\/\S+/g)) {
        if (new URL(match[0]).pathname.startsWith(pathPrefix)) return match[0];
      }
    }
    return null;
  } finally {
    db.close();
  }
}
