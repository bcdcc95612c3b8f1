import { existsSync } from 'node:fs';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packagePath } from '../package-root.js';
import { migrationsFolder } from './migrations-folder.js';

/**
 * A migrated, empty PGlite data folder, baked by `npm ci` (the `prepare` script). A new data folder is
 * a native copy of it (well under a second) instead of initdb plus every migration (7–14 s). A tarball
 * restored with PGlite's `loadDataDir` was measured too: about 8 s, as PGlite writes every file itself.
 */
export const pgliteTemplateDir = packagePath('dist', 'pglite-template');

// The migrations a template was built from: a stale dist/ (migrations regenerated since) is not used.
const journalOf = (templateDir: string) => `${templateDir}.journal.json`;
const currentJournal = () => readFile(join(migrationsFolder, 'meta', '_journal.json'), 'utf8');

/** Creates a migrated PGlite data folder at `dir` (replacing any). */
export async function buildPgliteTemplate(dir = pgliteTemplateDir): Promise<void> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { migratePgliteClient } = await import('./pglite-migrate.js');
  await rm(dir, { recursive: true, force: true });
  const client = new PGlite(dir);
  try {
    await migratePgliteClient(client);
  } finally {
    await client.close();
  }
  await writeFile(journalOf(dir), await currentJournal());
}

/** Seeds `pgliteDir` from the template when it holds no database yet; true when it did. */
export async function seedFromTemplate(pgliteDir: string, templateDir = pgliteTemplateDir): Promise<boolean> {
  if (existsSync(join(pgliteDir, 'PG_VERSION')) || !existsSync(join(templateDir, 'PG_VERSION'))) return false;
  const built = await readFile(journalOf(templateDir), 'utf8').catch(() => undefined);
  if (built !== (await currentJournal())) return false;
  await cp(templateDir, pgliteDir, { recursive: true, errorOnExist: false });
  return true;
}
