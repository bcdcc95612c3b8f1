import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { MemberKey } from '../src/db/members.js';
import { deleteWin, listWins, ownWin } from '../src/features/wins-list.js';
import { removalNote, removeCelebration } from '../src/discord/public-message.js';
import { isWinPeriod, WINS_PER_PAGE, type WinPeriod } from '../src/domain/win-pages.js';
import { truncateAtWord } from '../src/domain/truncate.js';
import { memberKeyOf, type ChatInputCommand, type Deps } from '../src/discord/command.js';
import { userError } from '../src/discord/errors.js';
import { translatorFor } from '../src/discord/locale.js';
import type { Translator } from '../src/i18n/index.js';
import type { WinListId } from '../src/discord/component-ids.js';
import { confirmDeleteMessage, winListMessage, type WinListView } from '../src/discord/render/win-list.js';
import { respond, updateInPlace } from '../src/discord/reply.js';

export const data = {
  name: 'wins',
  description: 'Your own wins, newest first. Only you can see the list.',
  // Also a member's own install: in DMs and in servers without the bot, counted in their home server (SPEC §11).
  integration_types: [0, 1],
  contexts: [0, 1, 2],
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'period',
      description: 'Which wins to show (default: this week)',
      choices: [
        { name: 'this week', value: 'week' },
        { name: 'this month', value: 'month' },
        { name: 'all time', value: 'all' },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const refusals = {
  unknownPeriod: userError('period-unknown', 'error.period-unknown'),
  notYourList: userError('not-your-list', 'error.not-your-list'),
};

/** One page of the member's list, moving to the last page if the list has shrunk past it. */
async function loadView(deps: Deps, key: MemberKey, period: WinPeriod, page: number, notice?: string): Promise<WinListView> {
  const list = await listWins(deps, key, { period, page, perPage: WINS_PER_PAGE });
  return { ownerId: key.userId, period, notice, ...list };
}

function deletedNotice(text: string | undefined, tr: Translator): string {
  if (text === undefined) return tr.t('wins.alreadyGone');
  return tr.t('wins.deleted', { text: truncateAtWord(text.replace(/\s+/g, ' '), 80) });
}

export const wins: ChatInputCommand = {
  kind: 'chat-input',
  data,
  async execute(interaction, deps) {
    const period = interaction.options.getString('period') ?? 'week';
    if (!isWinPeriod(period)) throw refusals.unknownPeriod;
    const key = memberKeyOf(interaction);
    const view = await loadView(deps, key, period, 1);
    await respond(interaction, { ...winListMessage(view, translatorFor(interaction)), ephemeral: true });
  },
  async button(interaction, deps, action: WinListId) {
    // The list is ephemeral, but a stand-in or a forwarded id could still reach here: the owner is checked, and
    // the deletion below is scoped to the clicking member, never to the id alone.
    if (action.ownerId !== interaction.user.id) throw refusals.notYourList;
    const key = memberKeyOf(interaction);
    const tr = translatorFor(interaction);
    await updateInPlace(interaction, async () => {
      if (action.action === 'del') {
        const win = await ownWin(deps, key, action.winId);
        if (win) return confirmDeleteMessage(action, win, tr);
        return winListMessage(await loadView(deps, key, action.period, action.page, deletedNotice(undefined, tr)), tr);
      }
      let notice: string | undefined;
      if (action.action === 'sure') {
        const result = await deleteWin({ ...deps, removeCelebration: (place) => removeCelebration(interaction.rest, place) }, key, action.winId);
        notice = result.deleted ? deletedNotice(result.text, tr) + removalNote(result.celebration?.removal, result.celebration?.channelId ?? null, tr) : deletedNotice(undefined, tr);
      }
      return winListMessage(await loadView(deps, key, action.period, action.page, notice), tr);
    });
  },
};
