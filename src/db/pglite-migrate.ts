import type { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder } from './migrations-folder.js';
import { withRawQueries } from './raw-queries.js';
import * as schema from './schema.js';

// Loaded only when PGlite is used (no DATABASE_URL), so a PostgreSQL deployment never loads the driver.

/** The drizzle handle over a PGlite client, with every migration applied (a no-op when up to date). */
export async function migratePgliteClient(client: PGlite) {
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return withRawQueries(db, async (text, params) => (await client.query<Record<string, unknown>>(text, params as unknown[])).rows);
}
