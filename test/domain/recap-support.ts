import { seededRandom } from '../../src/domain/seeded-random.js';
import type { OutgoingMessage } from '../../src/discord/render/outgoing.js';
import { renderRecap } from '../../src/discord/render/recap.js';
import { composeRecap, type RecapOptions } from '../../src/domain/recap/compose.js';
import type { RecapWeekData, RecapWin } from '../../src/domain/recap/types.js';

/** The project's seeded PRNG, by number, so statistical tests give the same answer every run. */
export function seeded(seed: number): () => number {
  return seededRandom(`test-seed-${seed}`);
}

let nextWinId = 1;
export function win(userId: string, text = `a small thing by ${userId}`): RecapWin {
  return { id: nextWinId++, userId, text, occurredAt: new Date('2026-11-25T10:00:00Z') };
}

export function weekData(overrides: Partial<RecapWeekData> = {}): RecapWeekData {
  const publicWins = overrides.publicWins ?? [win('111111111111111111'), win('222222222222222222'), win('111111111111111111')];
  return {
    firstDay: { year: 2026, month: 11, day: 23 },
    lastDay: { year: 2026, month: 11, day: 29 },
    timezone: 'Europe/London',
    memberCount: new Set(publicWins.map((w) => w.userId)).size,
    winCount: publicWins.length,
    goalsMet: 1,
    publicWins,
    archive: undefined,
    previousWeekCounts: [3, 4, 2, 3],
    firstRecap: false,
    firstTimers: 0,
    partnerGroups: [],
    ...overrides,
  };
}

/** The parts of an embed Discord counts towards its 6000-character total. */
interface EmbedText {
  title?: string;
  description?: string;
  fields?: readonly { name: string; value: string }[];
  footer?: { text: string };
  author?: { name: string };
}

/** Discord's length of an embed: title, description, field names and values, footer text, author name. */
export function embedLength(embed: EmbedText): number {
  const fields = (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    fields +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0)
  );
}

/** The recap composed and rendered, as the job and `/recap preview` do, with the lines it used. */
export function composeAndRender(data: RecapWeekData, options: RecapOptions): { message: OutgoingMessage; lineIds: string[] } {
  const content = composeRecap(data, options);
  return { message: renderRecap(content), lineIds: content.lineIds };
}

/** Every way a message could break one of Discord's limits (STACK-NOTES), empty when it is fine. */
export function limitProblems(message: OutgoingMessage, totalMax = 6000): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const embeds = message.embeds ?? [];
  check((message.content ?? '').length <= 2000, 'content over 2000');
  check(message.content === undefined || message.content.trim() !== '', 'empty content');
  check(embeds.length <= 10, 'more than 10 embeds');
  check(embeds.reduce((sum, e) => sum + embedLength(e), 0) <= totalMax, `embeds over ${totalMax} in all`);
  check((message.allowed_mentions.users ?? []).length <= 100, 'more than 100 allowed users');
  for (const embed of embeds) {
    check((embed.title ?? '').length <= 256, 'title over 256');
    check((embed.description ?? '').length <= 4096, 'description over 4096');
    check((embed.fields ?? []).length <= 25, 'more than 25 fields');
    check((embed.footer?.text ?? '').length <= 2048, 'footer over 2048');
    for (const field of embed.fields ?? []) {
      check(field.name.length > 0 && field.name.length <= 256, 'field name empty or over 256');
      check(field.value.trim().length > 0 && field.value.length <= 1024, 'field value empty or over 1024');
    }
  }
  return problems;
}

/** All the text a member would read in the message. */
export function visibleText(message: OutgoingMessage): string {
  const parts = [message.content ?? ''];
  for (const embed of message.embeds ?? []) {
    parts.push(embed.title ?? '', embed.description ?? '', embed.footer?.text ?? '');
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
  }
  return parts.join('\n');
}
