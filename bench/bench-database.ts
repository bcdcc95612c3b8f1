import postgres from 'postgres';

export interface BenchDatabase {
  /** The new database's URL. */
  url: string;
  /** A connection to the server, for looking at the database from outside (pg_stat_activity). */
  admin: postgres.Sql;
  drop(): Promise<void>;
}

/** A fresh database named `name` on the bench's PostgreSQL server (one left by an aborted run is dropped first). */
export async function createBenchDatabase(serverUrl: string, name: string): Promise<BenchDatabase> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    admin,
    async drop() {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
