import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { searchPersons } from '../../src/server/modules/persons/person.repository.ts';
import { parsePersonSearch } from '../../src/domain/person-search.ts';
const db = new Kysely<any>({ dialect: { createAdapter: () => new PostgresAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (d) => new PostgresIntrospector(d), createQueryCompiler: () => new PostgresQueryCompiler() }, log: (e) => console.log(e.query.sql, JSON.stringify(e.query.parameters)) });
await searchPersons(db as any, ['u1'], parsePersonSearch(process.argv[2]!) as any, 51);
