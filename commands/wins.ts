import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { memberTimezone, type MemberKey } from '../src/db/members.js';
import { flushCelebrations } from '../src/db/celebrations.js';
import { findMemberWin } from '../src/db/web-wins.js';
import { deleteMemberWin, memberWinPage } from '../src/db/win-list.js';
import { removalNote, removePublicMessage } from '../src/discord/public-message.js';
import { clampPage, isWinPeriod, pageCount, periodRange, WINS_PER_PAGE, type WinPeriod } from '../src/domain/win-pages.js';
import { truncateAtWord } from '../src/domain/truncate.js';
import { memberKeyOf, type ChatInputCommand, type Deps } from '../src/discord/command.js';
import { UserFacingError } from '../src/discord/errors.js';
import type { WinListId } from '../src/discord/component-ids.js';
import { confirmDeleteMessage, winListMessage, type WinListView } from '../src/discord/render/win-list.js';
import { respond, updateInPlace } from '../src/discord/reply.js';

export const data = {
  name: 'wins',
  description: 'Your own wins, newest first. Only you can see the list.',
  contexts: [0],
  integration_types: [0],
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
  unknownPeriod: new UserFacingError('period-unknown', 'I can list your wins for `week`, `month` or `all` — pick one of those.'),
  notYourList: new UserFacingError('not-your-list', 'These buttons belong to someone else’s list — run `/wins` to see your own.'),
};

/** Loads one page of the member's list, moving to the last page if the list has shrunk past it. */
async function loadView({ db, clock }: Deps, key: MemberKey, period: WinPeriod, page: number, notice?: string): Promise<WinListView> {
  const timezone = await memberTimezone(db, key);
  const range = periodRange(period, timezone, clock.now());
  const fetchPage = (p: number) => memberWinPage(db, key, range, { offset: (p - 1) * WINS_PER_PAGE, limit: WINS_PER_PAGE });
  let shown = clampPage(page, Number.MAX_SAFE_INTEGER);
  let result = await fetchPage(shown);
  const pages = pageCount(result.total);
  if (shown > pages) {
    shown = pages;
    result = await fetchPage(shown);
  }
  return { ownerId: key.userId, period, page: shown, pages, perPage: WINS_PER_PAGE, total: result.total, wins: result.wins, timezone, notice };
}

function deletedNotice(text: string | undefined): string {
  if (text === undefined) return 'That win was already gone — here is your list as it is now.';
  return `🗑 Deleted “${truncateAtWord(text.replace(/\s+/g, ' '), 80)}”. It's gone for good.`;
}

export const wins: ChatInputCommand = {
  kind: 'chat-input',
  data,
  async execute(interaction, deps) {
    const period = interaction.options.getString('period') ?? 'week';
    if (!isWinPeriod(period)) throw refusals.unknownPeriod;
    const key = memberKeyOf(interaction);
    const view = await loadView(deps, key, period, 1);
    await respond(interaction, { ...winListMessage(view), ephemeral: true });
  },
  async button(interaction, deps, action: WinListId) {
    // The list is ephemeral, but a stand-in or a forwarded id could still reach here: the owner is checked, and
    // the deletion below is scoped to the clicking member, never to the id alone.
    if (action.ownerId !== interaction.user.id) throw refusals.notYourList;
    const key = memberKeyOf(interaction);
    await updateInPlace(interaction, async () => {
      // A celebration noted a moment ago must be on its row before the row is read here.
      await flushCelebrations(deps.db);
      if (action.action === 'del') {
        const win = await findMemberWin(deps.db, key, action.winId);
        if (win) return confirmDeleteMessage(action, { id: win.id, text: win.text, celebrated: win.celebrationMessageId !== null });
        return winListMessage(await loadView(deps, key, action.period, action.page, deletedNotice(undefined)));
      }
      let notice: string | undefined;
      if (action.action === 'sure') {
        const deleted = await deleteMemberWin(deps.db, key, action.winId);
        const { celebrationChannelId: channelId, celebrationMessageId: messageId } = deleted ?? {};
        const removal = channelId && messageId ? await removePublicMessage(interaction.client, channelId, messageId) : undefined;
        notice = deleted ? deletedNotice(deleted.text) + removalNote(removal, channelId ?? null) : deletedNotice(undefined);
      }
      return winListMessage(await loadView(deps, key, action.period, action.page, notice));
    });
  },
};
