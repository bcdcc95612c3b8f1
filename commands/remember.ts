import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { seededRandom } from '../src/domain/seeded-random.js';
import { memberTimezone } from '../src/db/members.js';
import { hasAnyWin, markRemembered, rememberCandidates } from '../src/db/remember.js';
import { chooseRemembrance, rememberCutoff } from '../src/domain/remember.js';
import { memberKeyOf, type ChatInputCommand } from '../src/discord/command.js';
import { rememberNudge, remembranceEmbed } from '../src/discord/render/remembrance.js';
import { respond, type ReplyPayload } from '../src/discord/reply.js';

export const data = {
  name: 'remember',
  description: 'Bring back one of your past wins. Only you see it.',
  contexts: [0],
  integration_types: [0],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const remember: ChatInputCommand = {
  kind: 'chat-input',
  data,
  async execute(interaction, { db, clock }) {
    const key = memberKeyOf(interaction);
    const reply = await (async (): Promise<ReplyPayload> => {
      const now = clock.now();
      const timezone = await memberTimezone(db, key);
      const candidates = await rememberCandidates(db, key, rememberCutoff(now));
      // Seeded by member and moment: varied from day to day, repeatable in tests and example scripts.
      const random = seededRandom(`remember:${key.guildId}:${key.userId}:${now.getTime()}`);
      const choice = chooseRemembrance(candidates, { timezone, now, random });
      const win = choice && (await markRemembered(db, key, choice.win.id, now));
      if (!choice || !win) return { content: rememberNudge(await hasAnyWin(db, key)) };
      const embed = remembranceEmbed({ kind: choice.kind, winId: win.id, text: win.text, isPrivate: win.isPrivate, occurredAt: win.occurredAt, timezone, now });
      return { embeds: [embed] };
    })();
    await respond(interaction, { ...reply, ephemeral: true });
  },
};
