import { ApplicationCommandOptionType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import type { ChatInputCommand } from '../../src/discord/command.js';
import { listMemberWins } from '../support/wins.js';
import { startHarness, startHarnessOnDeadDatabase, type Harness } from '../support/harness.js';

const start = '2026-11-25T12:00:00Z';

// A command of the test's own that fails the way a bug would.
const broken: ChatInputCommand = {
  kind: 'chat-input',
  data: { name: 'broken', description: 'fails', options: [{ type: ApplicationCommandOptionType.String, name: 'x', description: 'x' }] },
  async execute() {
    throw new Error('secret internals: relation "wins" at /srv/app/src/db.ts:42');
  },
};

describe('when things go wrong', () => {
  describe('with the database unreachable', () => {
    let h: Harness;
    let close: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      ({ h, close } = await startHarnessOnDeadDatabase(start));
    });
    afterAll(async () => {
      await close?.();
    });

    it('tells the member the win was not saved, privately and in time', async () => {
      const result = await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'wrote 300 words' } });
      expect(result.failed).toBe(false);
      expect(result.ephemeral).toBe(true);
      expect(result.message?.content).toMatch(/nothing was saved — please try again in a minute/);
      expect(h.sandbox.allMessages().filter((m) => !m.ephemeral && !m.deleted)).toEqual([]);
    });

    it('tells a member who only asked to look that it could not look, not that nothing was saved', async () => {
      for (const [name, subcommand] of [['progress', undefined], ['goal', 'list']] as const) {
        const result = await h.sandbox.chatInput('alice', { name, ...(subcommand ? { subcommand } : {}) });
        expect(result.failed).toBe(false);
        expect(result.message?.content).toMatch(/couldn't reach my notebook just now, so I can't look that up/);
        expect(result.message?.content).not.toMatch(/nothing was saved/);
      }
    });
  });

  describe('with a bug in a command', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness(start, { commands: [...commands, broken] });
    });
    afterAll(async () => {
      await h?.close();
    });

    it('apologises with a reference id and never shows the error itself', async () => {
      const result = await h.sandbox.chatInput('alice', { name: 'broken' });
      expect(result.ephemeral).toBe(true);
      expect(result.message?.content).toMatch(/Sorry — something went wrong on my side.*`[0-9a-f]{8}`/);
      expect(result.message?.content).not.toMatch(/secret|relation|\/srv/);
    });

    it('keeps working after the failure', async () => {
      const result = await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'still here' } });
      expect(result.ephemeral).toBe(false);
      const wins = await listMemberWins(h.database.db, { guildId: h.sandbox.guildId, userId: h.sandbox.user('alice').id });
      expect(wins.map((w) => w.text)).toEqual(['still here']);
    });
  });
});
