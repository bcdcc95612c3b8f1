import { MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import type { ChatInputCommand } from '../../src/discord/command.js';
import { startHarness, type Harness } from '../support/harness.js';

const start = '2026-11-25T12:00:00Z';

// A command of the test's own that finishes only when the test lets it, then says so.
let release: () => void = () => undefined;
const slow: ChatInputCommand = {
  kind: 'chat-input',
  data: { name: 'slow', description: 'waits for the test' },
  ephemeral: true,
  async execute(interaction) {
    await new Promise<void>((resolve) => (release = resolve));
    await interaction.followUp({ content: 'done at last', flags: MessageFlags.Ephemeral });
  },
};

// The safety net tells the member when work outlives its limit, and the work goes on (its late answer still
// reaches them). Until it ends, the bot is busy: the sandbox's console and `idle()` wait on that word.
describe('work the safety net gave up on', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(start, { commands: [...commands, slow], safetyNet: { deferAfterMs: 100, giveUpAfterMs: 200 } });
  });
  afterAll(async () => {
    release();
    await h?.close();
  });

  it('keeps the bot busy until it ends, so its late answer is not missed', async () => {
    const result = await h.sandbox.chatInput('alice', { name: 'slow' });
    expect(result.failed).toBe(false);
    expect(result.message?.content).toMatch(/couldn't finish that in time/);
    // The answer is out and the net's own work done; the command's goes on, so the bot is not idle.
    expect(await h.sandbox.idle(undefined, 500)).toBe(false);
    expect(h.bot.intake.busy()).toBe(true);
    release();
    expect(await h.sandbox.idle()).toBe(true);
    expect(h.bot.intake.busy()).toBe(false);
    expect(h.sandbox.allMessages().map((m) => m.content)).toContain('done at last');
  });
});
