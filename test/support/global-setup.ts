import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
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
    /** The production bundle of today's src/ (scripts/bundle.mjs): what the process tests start, as `npm start` does. */
    botBundle: string;
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
  // Bundled once for every process test (under dist/, so its external packages resolve from node_modules):
  // starting src/ through tsx compiled it again in each process, seconds apiece.
  const botBundle = join('dist', `test-bundle-${process.pid}`);
  const bundling = promisify(execFile)(process.execPath, ['scripts/bundle.mjs', botBundle]);
  if (!testDatabaseUrl && !(await seedFromTemplate(template))) await buildPgliteTemplate(template);
  await bundling;
  project.provide('pgliteTemplate', template);
  project.provide('pgliteScratch', dir);
  project.provide('botBundle', botBundle);
  return async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(botBundle, { recursive: true, force: true });
  };
}
