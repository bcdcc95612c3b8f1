import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadTestSettings } from '../../src/config.js';
import { buildPgliteTemplate, seedFromTemplate } from '../../src/db/pglite-template.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data folder that each test database starts as a copy of. */
    pgliteTemplate: string;
    /** Where the copies go: memory (/dev/shm) when the machine has it. */
    pgliteScratch: string;
    testDatabaseUrl: string;
  }
}

/**
 * initdb + migrations take seconds on PGlite, so they run once here (or come from the template `npm ci`
 * baked in dist/, when current); each test database is then a native copy of the folder, well under a
 * second, where restoring a tarball with PGlite's loadDataDir took seconds per test file.
 */
export default async function setup(project: TestProject) {
  const { testDatabaseUrl } = loadTestSettings();
  project.provide('testDatabaseUrl', testDatabaseUrl ?? '');
  const scratchRoot = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const dir = await mkdtemp(join(scratchRoot, 'small-wins-test-'));
  const template = join(dir, 'template');
  if (!testDatabaseUrl && !(await seedFromTemplate(template))) await buildPgliteTemplate(template);
  project.provide('pgliteTemplate', template);
  project.provide('pgliteScratch', dir);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
