import { REST, Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';

describe('sandbox message nonces', () => {
  let sandbox: Sandbox;
  let rest: REST;
  const clock = new ManualClock('2026-11-30T08:00:00Z');
  beforeAll(async () => {
    sandbox = await startSandbox({ clock });
    rest = new REST({ api: sandbox.apiUrl }).setToken(sandbox.token);
  });
  afterAll(async () => sandbox.close());

  const post = (body: object) => rest.post(Routes.channelMessages(sandbox.channels.wins ?? ''), { body }) as Promise<{ id: string; nonce?: string }>;

  it('returns the earlier message instead of a duplicate when enforce_nonce reuses a nonce within minutes', async () => {
    const before = sandbox.messages('wins').length;
    const first = await post({ content: 'recap', nonce: 'sw-recap-1', enforce_nonce: true });
    clock.advance(3 * 60_000);
    const again = await post({ content: 'recap again', nonce: 'sw-recap-1', enforce_nonce: true });
    expect(again.id).toBe(first.id);
    expect(again.nonce).toBe('sw-recap-1');
    expect(sandbox.messages('wins')).toHaveLength(before + 1);
  });

  it('creates a new message once the nonce is older than a few minutes, or without enforce_nonce', async () => {
    const first = await post({ content: 'a', nonce: 'sw-recap-2', enforce_nonce: true });
    const unenforced = await post({ content: 'b', nonce: 'sw-recap-2' });
    expect(unenforced.id).not.toBe(first.id);
    clock.advance(6 * 60_000);
    const later = await post({ content: 'c', nonce: 'sw-recap-2', enforce_nonce: true });
    expect(later.id).not.toBe(first.id);
    expect(later.id).not.toBe(unenforced.id);
  });

  it('rejects a nonce longer than 25 characters with 50035', async () => {
    await expect(post({ content: 'x', nonce: 'n'.repeat(26), enforce_nonce: true })).rejects.toMatchObject({ code: 50035 });
    expect(sandbox.violations.at(-1)?.errors).toHaveProperty('nonce._errors');
    sandbox.violations.length = 0;
  });
});
