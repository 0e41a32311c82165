// Compares what prisma/schema.prisma declares (read offline with getDMMF)
// with what the migrated database has (read from pg_catalog): tables,
// columns, types, nullability, defaults, indexes, unique and primary keys,
// foreign keys, enums. Any difference is a line in the result; none means no
// drift.
import internals from '@prisma/internals';
import pg from 'pg';

interface Column { type: string; nullable: boolean; default: string | null }
interface Index { columns: string[]; unique: boolean; primary: boolean }
interface ForeignKey { columns: string[]; refTable: string; refColumns: string[]; onDelete: string }
interface Table { columns: Map<string, Column>; indexes: Map<string, Index>; foreignKeys: Map<string, ForeignKey> }
export interface SchemaShape { tables: Map<string, Table>; enums: Map<string, string[]> }

type DMMF = Awaited<ReturnType<typeof internals.getDMMF>>;
type Model = DMMF['datamodel']['models'][number];
type Field = Model['fields'][number];

const IGNORED_TABLES = new Set(['_prisma_migrations']);
const MAX_IDENTIFIER = 63;

function nativeArgs(field: Field): string[] {
  return ((field.nativeType as [string, string[]] | null)?.[1] ?? []).map(String);
}

/** The PostgreSQL type (as format_type prints it) a Prisma field maps to. */
function columnType(field: Field, enumNames: Map<string, string>): string {
  if (field.kind === 'enum') return enumNames.get(field.type) ?? field.type;
  const native = (field.nativeType as [string, string[]] | null)?.[0];
  const args = nativeArgs(field);
  const withArgs = (base: string) => (args.length ? `${base}(${args.join(',')})` : base);
  let type: string;
  switch (native ?? field.type) {
    case 'String': case 'Text': type = 'text'; break;
    case 'VarChar': type = withArgs('character varying'); break;
    case 'Char': type = withArgs('character'); break;
    case 'Uuid': type = 'uuid'; break;
    case 'Int': case 'Integer': type = 'integer'; break;
    case 'SmallInt': type = 'smallint'; break;
    case 'BigInt': type = 'bigint'; break;
    case 'Float': case 'DoublePrecision': type = 'double precision'; break;
    case 'Real': type = 'real'; break;
    case 'Decimal': type = args.length ? withArgs('numeric') : 'numeric(65,30)'; break;
    case 'Boolean': type = 'boolean'; break;
    case 'DateTime': type = 'timestamp(3) without time zone'; break;
    case 'Timestamp': type = `timestamp(${args[0] ?? '3'}) without time zone`; break;
    case 'Timestamptz': type = `timestamp(${args[0] ?? '3'}) with time zone`; break;
    case 'Date': type = 'date'; break;
    case 'Json': type = native === 'Json' ? 'json' : 'jsonb'; break;
    case 'JsonB': type = 'jsonb'; break;
    case 'Bytes': case 'ByteA': type = 'bytea'; break;
    default: type = (native ?? field.type).toLowerCase();
  }
  return field.isList ? `${type}[]` : type;
}

// Defaults Prisma fills in on the client (cuid(), uuid(), …) leave no default in the database.
const CLIENT_SIDE_DEFAULTS = new Set(['cuid', 'uuid', 'nanoid', 'ulid']);

/** The default expression PostgreSQL shows (pg_get_expr) for a Prisma @default. */
function columnDefault(field: Field, table: string, column: string, type: string, enumNames: Map<string, string>): string | null {
  const value = field.default as unknown;
  if (value === undefined || value === null) return null;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const fn = value as { name: string; args: unknown[] };
    if (CLIENT_SIDE_DEFAULTS.has(fn.name)) return null;
    if (fn.name === 'now') return 'CURRENT_TIMESTAMP';
    if (fn.name === 'autoincrement') return `nextval('${table}_${column}_seq'::regclass)`;
    if (fn.name === 'dbgenerated') return String(fn.args[0] ?? '');
    return `${fn.name}()`;
  }
  // PostgreSQL shows a negative number default as a cast string: '-1'::integer.
  if (typeof value === 'number' && value < 0) return `'${value}'::${type}`;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  const literal = `'${String(value).replace(/'/g, "''")}'`;
  if (field.kind === 'enum') {
    const name = enumNames.get(field.type) ?? field.type;
    return `${literal}::${/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name}"`}`;
  }
  const cast: Record<string, string> = { text: 'text', jsonb: 'jsonb', json: 'json' };
  return `${literal}::${cast[type] ?? (type.startsWith('character varying') ? 'character varying' : type.startsWith('character') ? 'bpchar' : type)}`;
}

const ON_DELETE: Record<string, string> = {
  Cascade: 'CASCADE', Restrict: 'RESTRICT', NoAction: 'NO ACTION', SetNull: 'SET NULL', SetDefault: 'SET DEFAULT',
};

export async function expectedSchema(schemaText: string): Promise<SchemaShape> {
  const dmmf = await internals.getDMMF({ datamodel: schemaText });
  const tableOf = new Map(dmmf.datamodel.models.map((m) => [m.name, m.dbName ?? m.name]));
  const enumNames = new Map(dmmf.datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const columnOf = (model: Model, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName);
    return field?.dbName ?? fieldName;
  };
  const tables = new Map<string, Table>();
  for (const model of dmmf.datamodel.models) {
    const table = tableOf.get(model.name)!;
    const columns = new Map<string, Column>();
    const foreignKeys = new Map<string, ForeignKey>();
    for (const field of model.fields) {
      if (field.kind === 'scalar' || field.kind === 'enum') {
        const column = field.dbName ?? field.name;
        const type = columnType(field, enumNames);
        columns.set(column, {
          type,
          // Prisma creates scalar lists as nullable arrays ("aliases" TEXT[]).
          nullable: field.isList ? true : !field.isRequired,
          default: columnDefault(field, table, column, type, enumNames),
        });
      }
      if (field.kind === 'object' && field.relationFromFields?.length) {
        const target = dmmf.datamodel.models.find((m) => m.name === field.type)!;
        const cols = field.relationFromFields.map((f) => columnOf(model, f));
        const optional = model.fields.filter((f) => field.relationFromFields!.includes(f.name)).some((f) => !f.isRequired);
        const onDelete = (field.relationOnDelete as string | undefined) ?? (optional ? 'SetNull' : 'Restrict');
        foreignKeys.set(`${table}_${cols.join('_')}_fkey`.slice(0, MAX_IDENTIFIER), {
          columns: cols,
          refTable: tableOf.get(target.name)!,
          refColumns: (field.relationToFields ?? []).map((f) => columnOf(target, f)),
          onDelete: ON_DELETE[onDelete] ?? onDelete,
        });
      }
    }
    tables.set(table, { columns, indexes: new Map(), foreignKeys });
  }
  for (const index of dmmf.datamodel.indexes) {
    const model = dmmf.datamodel.models.find((m) => m.name === index.model)!;
    const table = tableOf.get(model.name)!;
    const cols = index.fields.map((f) => columnOf(model, f.name));
    const suffix = index.type === 'id' ? 'pkey' : index.type === 'unique' ? 'key' : 'idx';
    const name = (index as { dbName?: string }).dbName ?? (index.type === 'id' ? `${table}_pkey` : `${table}_${cols.join('_')}_${suffix}`);
    tables.get(table)!.indexes.set(name.slice(0, MAX_IDENTIFIER), {
      columns: index.fields.map((f, i) => `${cols[i]}${(f as { sortOrder?: string }).sortOrder === 'desc' ? ' DESC' : ''}`),
      unique: index.type !== 'normal',
      primary: index.type === 'id',
    });
  }
  const enums = new Map(dmmf.datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
  return { tables, enums };
}

export async function actualSchema(url: string): Promise<SchemaShape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = new Map<string, Table>();
    const table = (name: string) => {
      if (!tables.has(name)) tables.set(name, { columns: new Map(), indexes: new Map(), foreignKeys: new Map() });
      return tables.get(name)!;
    };
    const columns = await client.query<{ table: string; column: string; type: string; not_null: boolean; default: string | null }>(`
      SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
             a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`);
    for (const row of columns.rows) {
      if (IGNORED_TABLES.has(row.table)) continue;
      table(row.table).columns.set(row.column, { type: row.type.replace(/"/g, ''), nullable: !row.not_null, default: row.default });
    }
    const indexes = await client.query<{ table: string; index: string; unique: boolean; primary: boolean; columns: string[] }>(`
      SELECT t.relname AS table, i.relname AS index, ix.indisunique AS unique, ix.indisprimary AS primary,
        ARRAY(
          SELECT a.attname || CASE WHEN (ix.indoption[k.ord - 1] & 1) = 1 THEN ' DESC' ELSE '' END
          FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
          ORDER BY k.ord
        ) AS columns
      FROM pg_index ix
      JOIN pg_class i ON i.oid = ix.indexrelid
      JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public'`);
    for (const row of indexes.rows) {
      if (IGNORED_TABLES.has(row.table)) continue;
      table(row.table).indexes.set(row.index, { columns: row.columns, unique: row.unique, primary: row.primary });
    }
    const fks = await client.query<{ name: string; table: string; ref_table: string; columns: string[]; ref_columns: string[]; on_delete: string }>(`
      SELECT con.conname AS name, t.relname AS table, rt.relname AS ref_table,
        ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
        ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS ref_columns,
        CASE con.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE'
                             WHEN 'n' THEN 'SET NULL' ELSE 'SET DEFAULT' END AS on_delete
      FROM pg_constraint con
      JOIN pg_class t ON t.oid = con.conrelid
      JOIN pg_class rt ON rt.oid = con.confrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND con.contype = 'f'`);
    for (const row of fks.rows) {
      table(row.table).foreignKeys.set(row.name, {
        columns: row.columns, refTable: row.ref_table, refColumns: row.ref_columns, onDelete: row.on_delete,
      });
    }
    const enumRows = await client.query<{ name: string; values: string[] }>(`
      SELECT t.typname AS name, ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS values
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' AND t.typtype = 'e'`);
    const enums = new Map(enumRows.rows.map((row) => [row.name, row.values]));
    return { tables, enums };
  } finally {
    await client.end();
  }
}

function compareMaps<T>(label: (name: string) => string, expected: Map<string, T>, actual: Map<string, T>, problems: string[]): void {
  for (const [name, want] of expected) {
    const have = actual.get(name);
    if (have === undefined) problems.push(`${label(name)} is missing from the database`);
    else if (JSON.stringify(have) !== JSON.stringify(want)) {
      problems.push(`${label(name)} differs: schema.prisma says ${JSON.stringify(want)}, the database has ${JSON.stringify(have)}`);
    }
  }
  for (const name of actual.keys()) {
    if (!expected.has(name)) problems.push(`${label(name)} is in the database but not in schema.prisma`);
  }
}

/** Lines describing every difference; empty when the database matches the schema. */
export function compareSchemas(expected: SchemaShape, actual: SchemaShape): string[] {
  const problems: string[] = [];
  for (const [table, want] of expected.tables) {
    const have = actual.tables.get(table);
    if (!have) {
      problems.push(`table ${table} is missing from the database`);
      continue;
    }
    compareMaps((column) => `column ${table}.${column}`, want.columns, have.columns, problems);
    compareMaps((index) => `index ${index} on ${table}`, want.indexes, have.indexes, problems);
    compareMaps((fk) => `foreign key ${fk} on ${table}`, want.foreignKeys, have.foreignKeys, problems);
  }
  for (const table of actual.tables.keys()) {
    if (!expected.tables.has(table)) problems.push(`table ${table} is in the database but not in schema.prisma`);
  }
  compareMaps((name) => `enum ${name}`, expected.enums, actual.enums, problems);
  return problems;
}
