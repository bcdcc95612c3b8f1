import { writeFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { loadTestSettings } from '../../src/config.js';
import { wrapPglite } from '../../src/db/client.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    testDatabaseUrl: string;
  }
}

/** initdb + migrations take seconds on PGlite, so they run once here and every test file loads the dump. */
export default async function setup(project: TestProject) {
  const { testDatabaseUrl } = loadTestSettings();
  project.provide('testDatabaseUrl', testDatabaseUrl ?? '');
  const dir = await mkdtemp(join(tmpdir(), 'small-wins-test-'));
  const dumpPath = join(dir, 'migrated.tar');
  const pglite = new PGlite();
  const database = await wrapPglite(pglite);
  const dump = await pglite.dumpDataDir('none');
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteDump', dumpPath);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
