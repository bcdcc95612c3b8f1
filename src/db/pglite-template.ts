import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { packagePath } from '../package-root.js';

/**
 * A migrated, empty PGlite data folder as a tarball, baked by `npm ci` (the `prepare` script):
 * restoring it takes about a second where initdb plus every migration takes 7–11.
 */
export const pgliteTemplateFile = packagePath('dist', 'pglite-template.tar.gz');

/** Creates a migrated PGlite in memory and writes its data folder to `file`. */
export async function buildPgliteTemplate(file = pgliteTemplateFile): Promise<void> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { migratePgliteClient } = await import('./pglite-migrate.js');
  const client = new PGlite();
  try {
    await migratePgliteClient(client);
    const dump = await client.dumpDataDir('gzip');
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await client.close();
  }
}

/** The template to restore into `pgliteDir`, when that folder holds no database yet and a template was built. */
export async function templateFor(pgliteDir: string, file = pgliteTemplateFile): Promise<Blob | undefined> {
  if (existsSync(join(pgliteDir, 'PG_VERSION')) || !existsSync(file)) return undefined;
  return new Blob([await readFile(file)]);
}
