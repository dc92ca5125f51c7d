/**
 * Kysely's table types checked against the migrated database (ADR 0018): the declarations are
 * read with the TypeScript compiler, the database through information_schema, and every table,
 * column and nullability compared. The types stay hand-written, so they keep what a generator
 * would lose (Generated, ColumnType for columns only the database writes, DATE as a string,
 * narrower unions), and still cannot drift from the migrations.
 */
import path from 'node:path';
import ts from 'typescript';
import { sql } from 'kysely';
import type { Db } from '../src/server/platform/db/database.ts';

/** Tables by name; each column by name with whether it may be null. */
export type Tables = Map<string, Map<string, boolean>>;

/** What the comparison lets pass, each on purpose. */
export interface Exceptions {
  /** Tables with no Kysely type. */
  untypedTables: readonly string[];
  /**
   * Columns (`table.column`) the database fills itself and never leaves null, though it cannot
   * declare them NOT NULL (a generated column) or does not (one a trigger keeps): typed not null.
   */
  filledByDatabase: readonly string[];
}

export const EXCEPTIONS: Exceptions = {
  // The migrator keeps its record with plain SQL (migrator.ts).
  untypedTables: ['schema_migrations'],
  // Generated from first_name and last_name, both NOT NULL (migration 0005); copied from
  // persons.identity_number by a trigger on every insert and update (migration 0026).
  filledByDatabase: ['persons.first_name_lower', 'persons.last_name_lower', 'person_unit_links.identity_number'],
};

/**
 * The tables of the interface `interfaceName` in `fileName` (Kysely's `DB`), each column's
 * nullability taken from what a select returns: `S` of `ColumnType<S, I, U>` and `Generated<S>`.
 */
export function declaredTables(fileName: string, interfaceName: string): Tables {
  const program = ts.createProgram([fileName], compilerOptions());
  const checker = program.getTypeChecker();
  const declaration = program
    .getSourceFile(fileName)
    ?.statements.filter(ts.isInterfaceDeclaration)
    .find((statement) => statement.name.text === interfaceName);
  if (!declaration) throw new Error(`No interface ${interfaceName} in ${fileName}`);
  const tables: Tables = new Map();
  for (const table of checker.getPropertiesOfType(checker.getTypeAtLocation(declaration.name))) {
    const columns = new Map<string, boolean>();
    for (const column of checker.getPropertiesOfType(checker.getTypeOfSymbol(table))) {
      columns.set(column.name, isNullable(selectedType(checker, checker.getTypeOfSymbol(column))));
    }
    tables.set(table.name, columns);
  }
  return tables;
}

/**
 * The project's own compiler options, so that imports resolve as in `tsc -p tsconfig.json`, but
 * without the DOM and Node declarations the table types do not use: loading them takes seconds.
 */
function compilerOptions(): ts.CompilerOptions {
  const root = path.resolve(import.meta.dirname, '..');
  const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  return { ...options, lib: ['lib.es2023.d.ts'], types: [] };
}

function selectedType(checker: ts.TypeChecker, type: ts.Type): ts.Type {
  const select = type.getProperty('__select__');
  return select ? checker.getTypeOfSymbol(select) : type;
}

function isNullable(type: ts.Type): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => (part.flags & ts.TypeFlags.Null) !== 0);
}

/** The base tables of the public schema as migrated, each column with whether it may be null. */
export async function databaseTables(ownerDb: Db): Promise<Tables> {
  const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: 'YES' | 'NO' }>`
    select c.table_name, c.column_name, c.is_nullable
    from information_schema.columns c
    join information_schema.tables t using (table_schema, table_name)
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(ownerDb);
  const tables: Tables = new Map();
  for (const row of rows) {
    const columns = tables.get(row.table_name) ?? new Map<string, boolean>();
    columns.set(row.column_name, row.is_nullable === 'YES');
    tables.set(row.table_name, columns);
  }
  return tables;
}

/** Every disagreement between the declared tables and the database's, a sentence each; none when in step. */
export function compareTables(declared: Tables, actual: Tables, exceptions: Exceptions = EXCEPTIONS): string[] {
  const problems: string[] = [];
  const nullness = (nullable: boolean) => (nullable ? 'null' : 'not null');
  for (const [table, columns] of declared) {
    const inDatabase = actual.get(table);
    if (!inDatabase) {
      problems.push(`${table}: declared, but the database has no such table`);
      continue;
    }
    for (const [column, nullable] of columns) {
      const name = `${table}.${column}`;
      const databaseNullable = inDatabase.get(column);
      if (databaseNullable === undefined) problems.push(`${name}: declared, but the table has no such column`);
      else if (databaseNullable !== nullable && !exceptions.filledByDatabase.includes(name)) {
        problems.push(`${name}: the database says ${nullness(databaseNullable)}, the type ${nullness(nullable)}`);
      }
    }
    for (const column of inDatabase.keys()) {
      if (!columns.has(column)) problems.push(`${table}.${column}: in the database, missing from the type`);
    }
  }
  for (const table of actual.keys()) {
    if (!declared.has(table) && !exceptions.untypedTables.includes(table)) {
      problems.push(`${table}: in the database, missing from DB`);
    }
  }
  return problems;
}
