// Run by hand: `npx tsx bench/pglite-first-start.ts` (after `npm run build`, which bakes the template).
// Times opening PGlite on a new data folder from the migrated template, against initdb plus every migration.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openPglite } from '../src/db/client.js';
import { pgliteTemplateDir } from '../src/db/pglite-template.js';

async function timeOpen(dir: string, templateDir: string | undefined): Promise<number> {
  const started = performance.now();
  const database = await openPglite(dir, pino({ level: 'silent' }), templateDir === undefined ? {} : { templateDir });
  const ms = performance.now() - started;
  await database.close();
  return ms;
}

const rows: Record<string, { 'open (ms)': number }> = {};
for (const [label, template] of [['new folder, copied from the template', pgliteTemplateDir], ['new folder, initdb + migrations', '/nonexistent'], ['existing folder', pgliteTemplateDir]] as const) {
  const dir = await mkdtemp(join(tmpdir(), 'small-wins-pglite-'));
  if (label === 'existing folder') await timeOpen(dir, template);
  rows[label] = { 'open (ms)': Math.round(await timeOpen(dir, template)) };
  await rm(dir, { recursive: true, force: true });
}
console.table(rows);
