import { chmodSync, closeSync, mkdirSync, openSync, statSync } from "node:fs";
import { dirname } from "node:path";

/** The database file and the files SQLite keeps beside it (WAL mode: -wal, -shm; rollback journal: -journal). */
const SQLITE_SUFFIXES = ["", "-wal", "-shm", "-journal"];

/**
 * Makes the embedded database readable by the server's user only, whatever the umask. Call it
 * before the first connection opens the file. A missing folder is created 0700 and a missing
 * database file 0600 (empty: SQLite takes an empty file for a new database); SQLite then creates
 * -wal, -shm and -journal with the database file's own permissions (os_unix.c findCreateFileMode
 * and unixOpenSharedMemory, which fchmod the new file to them), so they are 0600 too. Files left
 * by an earlier version with wider permissions are narrowed to their owner's bits. A folder that
 * already existed keeps its mode: it may be shared (e.g. /var/lib), and the files in it are private.
 */
export function secureSqliteFiles(filename: string): void {
  mkdirSync(dirname(filename), { recursive: true, mode: 0o700 }); // only folders it creates get the mode
  closeSync(openSync(filename, "a", 0o600));
  for (const suffix of SQLITE_SUFFIXES) narrowToOwner(filename + suffix);
}

function narrowToOwner(file: string): void {
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  if ((mode & 0o077) !== 0) chmodSync(file, mode & 0o700);
}
