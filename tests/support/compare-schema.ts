import Database from "better-sqlite3";
import pg from "pg";
import * as prismaInternals from "@prisma/internals";
import { databaseTarget } from "../../lib/config/database-target";

// Compares a Prisma datamodel (its DMMF) with a database introspected through its catalog, at the
// level `prisma migrate diff` would care about: tables, columns (type family, nullability, default),
// primary keys, unique and plain indexes (names and column order) and foreign keys (columns, target,
// referential actions). Returns one readable line per difference; [] means they agree.

// @prisma/internals is CommonJS whose named exports Node's ESM loader (Vitest) cannot see: there they
// are on `default`; compiled to CommonJS (tsx) they are on the namespace itself.
type Internals = typeof prismaInternals;
const { getDMMF } = (prismaInternals as Internals & { default?: Internals }).default ?? prismaInternals;

export type DmmfDocument = Awaited<ReturnType<typeof getDMMF>>;
type Datamodel = DmmfDocument["datamodel"];
type Model = Datamodel["models"][number];
type Field = Model["fields"][number];

export type Provider = "sqlite" | "postgresql";

export type DbColumn = { name: string; type: string; notNull: boolean; default: string | null };
export type DbIndex = { name: string; columns: string[]; unique: boolean };
export type DbForeignKey = {
  name: string | null;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
};
export type DbTable = {
  name: string;
  columns: DbColumn[];
  primaryKey: { name: string | null; columns: string[] };
  indexes: DbIndex[];
  foreignKeys: DbForeignKey[];
};
export type DbSchema = { provider: Provider; tables: DbTable[] };

const IGNORED_TABLES = new Set(["_prisma_migrations"]);

export function loadDmmf(datamodel: string): Promise<DmmfDocument> {
  return getDMMF({ datamodel });
}

// ---------------------------------------------------------------------------------------------------
// Introspection

function introspectSqlite(filename: string): DbSchema {
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  try {
    const names = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").all() as Array<{
        name: string;
      }>
    )
      .map((row) => row.name)
      .filter((name) => !IGNORED_TABLES.has(name));
    const tables = names.map((table): DbTable => {
      const quoted = `"${table.replaceAll('"', '""')}"`;
      const info = db.prepare(`PRAGMA table_info(${quoted})`).all() as Array<{
        name: string;
        type: string;
        notnull: number;
        dflt_value: string | null;
        pk: number;
      }>;
      const indexList = db.prepare(`PRAGMA index_list(${quoted})`).all() as Array<{ name: string; unique: number; origin: string }>;
      const fkList = db.prepare(`PRAGMA foreign_key_list(${quoted})`).all() as Array<{
        id: number;
        seq: number;
        table: string;
        from: string;
        to: string;
        on_update: string;
        on_delete: string;
      }>;
      const foreignKeys = new Map<number, DbForeignKey>();
      for (const row of [...fkList].sort((a, b) => a.id - b.id || a.seq - b.seq)) {
        const fk = foreignKeys.get(row.id) ?? {
          name: null,
          columns: [],
          referencedTable: row.table,
          referencedColumns: [],
          onDelete: row.on_delete,
          onUpdate: row.on_update,
        };
        fk.columns.push(row.from);
        fk.referencedColumns.push(row.to);
        foreignKeys.set(row.id, fk);
      }
      return {
        name: table,
        columns: info.map((column) => ({
          name: column.name,
          type: column.type.toUpperCase(),
          // A PRIMARY KEY column of a rowid table may hold NULL unless declared NOT NULL.
          notNull: column.notnull === 1,
          default: column.dflt_value,
        })),
        primaryKey: {
          name: null,
          columns: info.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk).map((column) => column.name),
        },
        indexes: indexList
          .filter((index) => index.origin !== "pk")
          .map((index) => ({
            name: index.name,
            unique: index.unique === 1,
            columns: (db.prepare(`PRAGMA index_info("${index.name.replaceAll('"', '""')}")`).all() as Array<{ seqno: number; name: string }>)
              .sort((a, b) => a.seqno - b.seqno)
              .map((column) => column.name),
          })),
        foreignKeys: [...foreignKeys.values()],
      };
    });
    return { provider: "sqlite", tables };
  } finally {
    db.close();
  }
}

const PG_ACTIONS: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

async function introspectPostgres(connectionString: string): Promise<DbSchema> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    const columns = await client.query<{ table: string; name: string; type: string; not_null: boolean; default: string | null }>(
      `SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
              pg_get_expr(d.adbin, d.adrelid) AS default
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY c.relname, a.attnum`,
    );
    const indexes = await client.query<{ table: string; name: string; unique: boolean; primary: boolean; columns: string[] }>(
      `SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
              ARRAY(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns
         FROM pg_index ix
         JOIN pg_class i ON i.oid = ix.indexrelid
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = current_schema()
        ORDER BY t.relname, i.relname`,
    );
    const foreignKeys = await client.query<{
      table: string;
      name: string;
      referenced_table: string;
      columns: string[];
      referenced_columns: string[];
      on_delete: string;
      on_update: string;
    }>(
      `SELECT t.relname AS table, con.conname AS name, rt.relname AS referenced_table,
              ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
              ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS referenced_columns,
              con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update
         FROM pg_constraint con
         JOIN pg_class t ON t.oid = con.conrelid
         JOIN pg_class rt ON rt.oid = con.confrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE con.contype = 'f' AND n.nspname = current_schema()
        ORDER BY t.relname, con.conname`,
    );
    return {
      provider: "postgresql",
      tables: tables.rows
        .map((row) => row.name)
        .filter((name) => !IGNORED_TABLES.has(name))
        .map((table): DbTable => {
          const primary = indexes.rows.find((index) => index.table === table && index.primary);
          return {
            name: table,
            columns: columns.rows
              .filter((column) => column.table === table)
              .map((column) => ({ name: column.name, type: column.type, notNull: column.not_null, default: column.default })),
            primaryKey: { name: primary?.name ?? null, columns: primary?.columns ?? [] },
            indexes: indexes.rows
              .filter((index) => index.table === table && !index.primary)
              .map((index) => ({ name: index.name, unique: index.unique, columns: index.columns })),
            foreignKeys: foreignKeys.rows
              .filter((fk) => fk.table === table)
              .map((fk) => ({
                name: fk.name,
                columns: fk.columns,
                referencedTable: fk.referenced_table,
                referencedColumns: fk.referenced_columns,
                onDelete: PG_ACTIONS[fk.on_delete] ?? fk.on_delete,
                onUpdate: PG_ACTIONS[fk.on_update] ?? fk.on_update,
              })),
          };
        }),
    };
  } finally {
    await client.end();
  }
}

/** The tables of the database a DATABASE_URL names, as the catalog describes them. */
export function introspectDatabase(url: string): Promise<DbSchema> {
  const target = databaseTarget(url);
  return target.provider === "sqlite" ? Promise.resolve(introspectSqlite(target.filename)) : introspectPostgres(target.connectionString);
}

// ---------------------------------------------------------------------------------------------------
// What the datamodel asks for

/** Prisma's constraint names (psl ConstraintNames): {table}_{columns}_{suffix}, cut to the identifier limit. */
function constraintName(table: string, columns: readonly string[], suffix: string, provider: Provider): string {
  const limit = provider === "postgresql" ? 63 : 10_000;
  let base = columns.length > 0 ? `${table}_${columns.join("_")}` : table;
  if (Buffer.byteLength(base) >= limit - suffix.length) base = Buffer.from(base).subarray(0, limit - suffix.length).toString();
  return `${base}${suffix}`;
}

const SQLITE_TYPES: Record<string, string> = {
  String: "TEXT",
  Int: "INTEGER",
  BigInt: "BIGINT",
  Float: "REAL",
  Decimal: "DECIMAL",
  Boolean: "BOOLEAN",
  DateTime: "DATETIME",
  Json: "JSONB",
  Bytes: "BLOB",
};

const POSTGRES_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

type Expected<T> = { value: T } | { unsupported: string };

function expectedType(field: Field, provider: Provider, datamodel: Datamodel): Expected<string> {
  if (field.nativeType) return { unsupported: `native type @db.${field.nativeType[0]}` };
  let base: string | undefined;
  if (field.kind === "enum") {
    if (provider === "sqlite") return { unsupported: "enum on SQLite" };
    const enumName = datamodel.enums.find((item) => item.name === field.type)?.dbName ?? field.type;
    base = /^[a-z_][a-z0-9_]*$/.test(enumName) ? enumName : `"${enumName}"`;
  } else {
    base = (provider === "sqlite" ? SQLITE_TYPES : POSTGRES_TYPES)[field.type];
  }
  if (base === undefined) return { unsupported: `scalar type ${field.type}` };
  if (field.isList) return provider === "postgresql" ? { value: `${base}[]` } : { unsupported: "scalar list on SQLite" };
  return { value: base };
}

function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** The column default Prisma's migrations render for a field, or null when the database has none. */
function expectedDefault(field: Field, provider: Provider, type: string): Expected<string | null> {
  const value = field.default;
  if (!field.hasDefaultValue || value === undefined) return { value: null };
  if (Array.isArray(value)) return { unsupported: "list default" };
  if (typeof value === "object" && value !== null && "name" in value) {
    if (["cuid", "uuid", "nanoid", "ulid"].includes(value.name)) return { value: null }; // generated by the client
    if (value.name === "now") return { value: "CURRENT_TIMESTAMP" };
    return { unsupported: `default ${value.name}()` };
  }
  if (typeof value === "boolean" || typeof value === "number") return { value: String(value) };
  if (typeof value === "string") {
    if (field.kind === "enum") return { unsupported: "enum default" };
    if (provider === "sqlite") return { value: sqlString(value) };
    return { value: `${sqlString(value)}::${type}` };
  }
  return { unsupported: "default value" };
}

const ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

type ExpectedTable = {
  name: string;
  columns: Array<{ name: string; field: string; type: Expected<string>; notNull: boolean; default: Expected<string | null> }>;
  primaryKey: string;
  indexes: string[];
  foreignKeys: string[];
};

function tableName(model: Model): string {
  return model.dbName ?? model.name;
}

function columnName(model: Model, fieldName: string): string {
  return model.fields.find((field) => field.name === fieldName)?.dbName ?? fieldName;
}

function describePrimaryKey(name: string | null, columns: readonly string[]): string {
  return `primary key${name ? ` ${name}` : ""} (${columns.join(", ")})`;
}

function describeIndex(index: DbIndex): string {
  return `${index.unique ? "unique index" : "index"} ${index.name} (${index.columns.join(", ")})`;
}

function describeForeignKey(fk: DbForeignKey, withName: boolean): string {
  return (
    `foreign key${withName && fk.name ? ` ${fk.name}` : ""} (${fk.columns.join(", ")}) -> ${fk.referencedTable} ` +
    `(${fk.referencedColumns.join(", ")}) ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}`
  );
}

function expectedTable(model: Model, datamodel: Datamodel, provider: Provider): ExpectedTable {
  const table = tableName(model);
  const scalars = model.fields.filter((field) => field.kind === "scalar" || field.kind === "enum");
  const columns = scalars.map((field) => {
    const type = expectedType(field, provider, datamodel);
    return {
      name: field.dbName ?? field.name,
      field: field.name,
      type,
      // Prisma renders scalar lists without NOT NULL.
      notNull: field.isRequired && !field.isList,
      default: expectedDefault(field, provider, "value" in type ? type.value : "?"),
    };
  });
  const modelIndexes = datamodel.indexes.filter((index) => index.model === model.name);
  const idIndex = modelIndexes.find((index) => index.type === "id");
  const pkColumns = (idIndex?.fields ?? []).map((field) => columnName(model, field.name));
  const pkName = provider === "postgresql" ? (idIndex?.dbName ?? constraintName(table, [], "_pkey", provider)) : null;
  const indexes = modelIndexes
    .filter((index) => index.type === "unique" || index.type === "normal")
    .map((index) => {
      const indexColumns = index.fields.map((field) =>
        field.sortOrder || field.length ? `${columnName(model, field.name)} (unsupported sort order or length)` : columnName(model, field.name),
      );
      const unique = index.type === "unique";
      const name = index.dbName ?? constraintName(table, indexColumns, unique ? "_key" : "_idx", provider);
      return describeIndex({ name, unique, columns: indexColumns });
    });
  const foreignKeys = model.fields
    .filter((field) => field.kind === "object" && (field.relationFromFields?.length ?? 0) > 0)
    .map((field) => {
      const target = datamodel.models.find((candidate) => candidate.name === field.type);
      const fkColumns = (field.relationFromFields ?? []).map((name) => columnName(model, name));
      const onDelete = field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull");
      const onUpdate = field.relationOnUpdate ?? "Cascade";
      return describeForeignKey(
        {
          name: constraintName(table, fkColumns, "_fkey", provider),
          columns: fkColumns,
          referencedTable: target ? tableName(target) : field.type,
          referencedColumns: (field.relationToFields ?? []).map((name) => (target ? columnName(target, name) : name)),
          onDelete: ACTIONS[onDelete] ?? onDelete,
          onUpdate: ACTIONS[onUpdate] ?? onUpdate,
        },
        provider === "postgresql",
      );
    });
  return { name: table, columns, primaryKey: describePrimaryKey(pkName, pkColumns), indexes, foreignKeys };
}

// ---------------------------------------------------------------------------------------------------
// The comparison

function setDifferences(table: string, expected: string[], actual: string[]): string[] {
  const lines: string[] = [];
  for (const item of expected) if (!actual.includes(item)) lines.push(`${table}: ${item} is missing from the database`);
  for (const item of actual) if (!expected.includes(item)) lines.push(`${table}: ${item} is in the database but not in the schema`);
  return lines;
}

function compareColumns(want: ExpectedTable, have: DbTable): string[] {
  const lines: string[] = [];
  for (const column of want.columns) {
    const actual = have.columns.find((candidate) => candidate.name === column.name);
    const where = `${want.name}.${column.name}`;
    if (!actual) {
      lines.push(`${where}: column is missing from the database`);
      continue;
    }
    if ("unsupported" in column.type) lines.push(`${where}: ${column.type.unsupported} is not understood by tests/support/compare-schema.ts`);
    else if (actual.type !== column.type.value) lines.push(`${where}: type should be ${column.type.value}, the database has ${actual.type}`);
    if (actual.notNull !== column.notNull) {
      lines.push(`${where}: should be ${column.notNull ? "NOT NULL (required)" : "nullable (optional)"}, the database has it ${actual.notNull ? "NOT NULL" : "nullable"}`);
    }
    if ("unsupported" in column.default) lines.push(`${where}: ${column.default.unsupported} is not understood by tests/support/compare-schema.ts`);
    else if (actual.default !== column.default.value) {
      lines.push(`${where}: default should be ${column.default.value ?? "none"}, the database has ${actual.default ?? "none"}`);
    }
  }
  for (const column of have.columns) {
    if (!want.columns.some((candidate) => candidate.name === column.name)) lines.push(`${want.name}.${column.name}: column is in the database but not in the schema`);
  }
  return lines;
}

function compareTable(want: ExpectedTable, have: DbTable, provider: Provider): string[] {
  const primaryKey = describePrimaryKey(have.primaryKey.name, have.primaryKey.columns);
  return [
    ...compareColumns(want, have),
    ...setDifferences(want.name, [want.primaryKey], [primaryKey]),
    ...setDifferences(want.name, want.indexes, have.indexes.map(describeIndex)),
    ...setDifferences(want.name, want.foreignKeys, have.foreignKeys.map((fk) => describeForeignKey(fk, provider === "postgresql"))),
  ];
}

/** Every way the database differs from the datamodel, one line each; [] when they match. */
export function compareSchema(dmmf: DmmfDocument, database: DbSchema): string[] {
  const lines: string[] = [];
  const expected = dmmf.datamodel.models.map((model) => expectedTable(model, dmmf.datamodel, database.provider));
  for (const want of expected) {
    const have = database.tables.find((table) => table.name === want.name);
    if (!have) lines.push(`${want.name}: table is missing from the database`);
    else lines.push(...compareTable(want, have, database.provider));
  }
  for (const table of database.tables) {
    if (!expected.some((want) => want.name === table.name)) lines.push(`${table.name}: table is in the database but not in the schema`);
  }
  return lines;
}
