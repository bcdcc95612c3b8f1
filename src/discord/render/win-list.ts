import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
} from 'discord-api-types/v10';
import type { Win } from '../../db/schema.js';
import { english, type Translator } from '../../i18n/index.js';
import type { WinPeriod } from '../../domain/win-pages.js';
import { componentIds } from '../component-ids.js';
import { truncateAtWord } from '../../domain/truncate.js';
import { quote } from './win-embed.js';
import { palette } from './palette.js';

/** Long wins are shortened in the list, so five of them stay far inside an embed's 4096 characters. */
export const LISTED_TEXT_MAX = 300;
// Each quoted line costs two more characters, so a win of many short lines is kept to a few.
const LISTED_LINES_MAX = 4;

export interface WinListView {
  ownerId: string;
  period: WinPeriod;
  page: number;
  pages: number;
  perPage: number;
  total: number;
  /** This page's wins, newest first. */
  wins: Win[];
  timezone: string;
  /** A short line above the list, e.g. confirming a deletion. */
  notice?: string;
}


/** The member's words as written, shortened at a word and to a few non-blank lines. */
export function listedText(text: string): string {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const kept = lines.slice(0, LISTED_LINES_MAX).join('\n');
  const shortened = truncateAtWord(kept, LISTED_TEXT_MAX);
  return lines.length > LISTED_LINES_MAX && !shortened.endsWith('…') ? `${shortened} …` : shortened;
}

function entry(view: WinListView, win: Win, number: number, tr: Translator): string {
  const marks = [tr.shortDate(view.timezone, win.occurredAt, view.period === 'all'), win.isPrivate ? tr.t('wins.private') : ''];
  return `**${number}.** ${marks.filter(Boolean).join(' · ')}\n${quote(listedText(win.text))}`;
}

function button(
  customId: string,
  label: string,
  options: { disabled?: boolean; style?: APIButtonComponentWithCustomId['style'] } = {},
): APIButtonComponent {
  return {
    type: ComponentType.Button,
    custom_id: customId,
    label,
    style: options.style ?? ButtonStyle.Secondary,
    disabled: options.disabled ?? false,
  };
}

/** The whole list message: one embed, a 🗑 per win on the page, and ◀ / ▶ when there is more than one page. */
export function winListMessage(view: WinListView, tr: Translator = english): {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
} {
  const first = (view.page - 1) * view.perPage + 1;
  const description =
    view.wins.length === 0 ? tr.t(`wins.empty.${view.period}`) : view.wins.map((win, i) => entry(view, win, first + i, tr)).join('\n\n');
  const footer = view.total === 0 ? tr.t('wins.footer.empty') : tr.t('wins.footer', { page: view.page, pages: view.pages, total: view.total });
  const components: APIActionRowComponent<APIButtonComponent>[] = [];
  if (view.wins.length > 0) {
    const deletes = view.wins.map((win, i) =>
      button(componentIds.winsDelete(view.ownerId, win.id, view.period, view.page), `🗑 ${first + i}`, { style: ButtonStyle.Danger }),
    );
    components.push({ type: ComponentType.ActionRow, components: deletes });
  }
  if (view.pages > 1) {
    const nav = [
      button(componentIds.winsPage(view.ownerId, view.period, Math.max(1, view.page - 1)), '◀', { disabled: view.page <= 1 }),
      button(componentIds.winsPage(view.ownerId, view.period, view.page + 1), '▶', { disabled: view.page >= view.pages }),
    ];
    components.push({ type: ComponentType.ActionRow, components: nav });
  }
  return {
    content: view.notice ?? '',
    embeds: [{ color: palette.embed, title: tr.t(`wins.title.${view.period}`), description, footer: { text: footer } }],
    components,
  };
}

/** One click before a win is deleted: what goes, including its public celebration when there is one. */
export function confirmDeleteMessage(
  at: { ownerId: string; period: WinPeriod; page: number },
  win: { id: number; text: string; celebrated: boolean },
  tr: Translator = english,
): { content: string; embeds: APIEmbed[]; components: APIActionRowComponent<APIButtonComponent>[] } {
  return {
    content: tr.t('wins.confirm', { celebrated: win.celebrated ? 'yes' : 'no' }),
    embeds: [{ color: palette.embed, description: quote(listedText(win.text)) }],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          button(componentIds.winsSure(at.ownerId, win.id, at.period, at.page), tr.t('wins.confirm.delete'), { style: ButtonStyle.Danger }),
          button(componentIds.winsPage(at.ownerId, at.period, at.page), tr.t('wins.confirm.keep')),
        ],
      },
    ],
  };
}
