import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packExport, UPLOAD_LIMITS } from '../../src/discord/render/export-files.js';

const exportOf = (count: number) => ({
  about: 'test export',
  settings: { timezone: 'UTC' },
  wins: Array.from({ length: count }, (_, i) => ({ id: i, text: `win ${i} ${Math.sin(i).toString(36)}`, occurredAt: new Date(i * 60_000).toISOString() })),
});

describe('packExport', () => {
  it('keeps a small export as readable JSON', async () => {
    const pack = await packExport(exportOf(3), 'me');
    expect(pack).toMatchObject({ compressed: false, parts: 1 });
    expect(pack.messages[0]?.[0]?.name).toBe('me.json');
    expect(JSON.parse(pack.messages[0]?.[0]?.data.toString() ?? '')).toEqual(exportOf(3));
  });

  it('gzips one that is too big as JSON', async () => {
    const value = exportOf(2_000);
    const pack = await packExport(value, 'me', 64 * 1024);
    expect(pack).toMatchObject({ compressed: true, parts: 1 });
    const [file] = pack.messages.flat();
    expect(file?.name).toBe('me.json.gz');
    expect(file?.data.length).toBeLessThanOrEqual(64 * 1024);
    expect(JSON.parse(gunzipSync(file?.data ?? Buffer.alloc(0)).toString())).toEqual(value);
  });

  it('splits one too big even gzipped into parts within the limit, across messages of at most 10 files, losing no win', async () => {
    const value = exportOf(40_000);
    const limit = 32 * 1024;
    const pack = await packExport(value, 'me', limit);
    expect(pack.parts).toBeGreaterThan(UPLOAD_LIMITS.filesPerMessage);
    expect(pack.messages.length).toBeGreaterThan(1);
    for (const message of pack.messages) expect(message.length).toBeLessThanOrEqual(UPLOAD_LIMITS.filesPerMessage);
    const files = pack.messages.flat();
    expect(files).toHaveLength(pack.parts);
    for (const file of files) expect(file.data.length).toBeLessThanOrEqual(limit);
    const parts = files.map((f) => JSON.parse(gunzipSync(f.data).toString()) as { part: string; wins: unknown[]; settings?: unknown });
    expect(parts.flatMap((p) => p.wins)).toEqual(value.wins);
    expect(parts[0]?.settings).toEqual(value.settings);
    expect(parts.map((p) => p.part)).toEqual(parts.map((_, i) => `${i + 1} of ${pack.parts}`));
  });
});
