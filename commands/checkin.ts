import { ApplicationCommandOptionType, Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { ButtonInteraction } from '../src/discord/interaction.js';
import type { CheckinShare } from '../src/db/checkins.js';
import type { MemberKey } from '../src/db/members.js';
import { checkinAnswer, cheerAnswer, cheerRow, partnerDmsIn } from '../src/discord/render/partners.js';
import { memberLocaleOf } from '../src/db/locales.js';
import { localeOf, translator } from '../src/i18n/index.js';
import { isVisiblyEmpty, stripControlCharacters } from '../src/domain/member-text.js';
import { guildIdOf, memberKeyOf, type ChatInputCommand, type Deps } from '../src/discord/command.js';
import { type ComponentIdOf } from '../src/discord/component-ids.js';
import { createDelivery } from '../src/discord/delivery.js';
import { userError } from '../src/discord/errors.js';
import { translatorFor } from '../src/discord/locale.js';
import { echoBack } from '../src/discord/render/problems.js';
import { respond } from '../src/discord/reply.js';
import { slowDown, writeAllowance } from '../src/discord/flood.js';
import { checkIn, cheer } from '../src/features/partners.js';
export const CHECKIN_NOTE_MAX = 1000;

export const data = {
  name: 'checkin',
  description: "Tell your partner how this week is going (or just note it for yourself)",
  contexts: [0],
  integration_types: [0],
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'note',
      description: 'How is your week going? A few honest words are plenty.',
      required: true,
      min_length: 1,
      max_length: CHECKIN_NOTE_MAX,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'share',
      description: 'Send it to your partner (default) or keep it private',
      choices: [
        { name: 'partner (your partner this week gets it by DM)', value: 'partner' },
        { name: 'private (just for you)', value: 'private' },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function readNote(raw: string | null): string {
  const note = stripControlCharacters(raw ?? '').trim();
  if (isVisiblyEmpty(note)) {
    throw note ? userError('note-empty', 'error.note-invisible', undefined, echoBack(note)) : userError('note-empty', 'error.note-empty');
  }
  const length = [...note].length;
  if (length > CHECKIN_NOTE_MAX) {
    throw userError('note-too-long', 'error.note-too-long', { max: CHECKIN_NOTE_MAX, length }, echoBack(note));
  }
  return note;
}

// discord.js's own quick retry is all: a member is waiting for the answer.
// Each DM speaks its reader's remembered language (SPEC §12), English until one is known.
const partnerDeps = (interaction: { rest: Parameters<typeof createDelivery>[0] }, deps: Deps) => ({
  ...deps,
  send: { db: deps.db, delivery: createDelivery(interaction.rest) },
  render: partnerDmsIn(async (to) => translator(localeOf(await memberLocaleOf(deps.db, to)))),
});

export const checkin: ChatInputCommand = {
  kind: 'chat-input',
  data,
  async execute(interaction, deps) {
    const note = readNote(interaction.options.getString('note'));
    const share: CheckinShare = interaction.options.getString('share') === 'private' ? 'private' : 'partner';
    const key: MemberKey = memberKeyOf(interaction);
    if (writeAllowance(deps, key, deps.clock.now()) === 'slow-down') throw slowDown;
    const outcome = await checkIn(partnerDeps(interaction, deps), key, { note, share });
    await respond(interaction, { ephemeral: true, content: checkinAnswer(outcome, translatorFor(interaction)) });
  },
  /** `checkin:cheer:<author>:<week>:<guild>` under a partner's DM. */
  async button(interaction: ButtonInteraction, deps, { authorId, week, guildId }: ComponentIdOf<'checkin'>) {
    const author: MemberKey = { guildId: guildId ?? guildIdOf(interaction), userId: authorId };
    const outcome = await cheer(partnerDeps(interaction, deps), interaction.user.id, author, week);
    if (outcome.kind === 'refused') throw userError(outcome.reason, `error.cheer.${outcome.reason}`);
    // The button shows the cheer either way; a failed edit only leaves it pressable, and a press then changes nothing.
    // By REST: a DM channel is seldom in discord.js's cache, so Message#edit would refuse.
    await interaction.rest
      .patch(Routes.channelMessage(interaction.message.channelId, interaction.message.id), { body: { components: [cheerRow(author, week, true, translatorFor(interaction))] } })
      .catch(() => undefined);
    await respond(interaction, { ephemeral: true, content: cheerAnswer(outcome, translatorFor(interaction)) });
  },
};
