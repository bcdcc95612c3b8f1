import { english, type Translator } from '../../i18n/index.js';
import { isSnowflake } from './outgoing.js';

/** Well inside Discord's 2000-character content limit. */
export const PARTNERS_CONTENT_MAX = 1900;
/** Discord refuses `allowed_mentions.users` with more than 100 ids. */
export const PARTNER_PINGS_MAX = 100;


export interface PartnersSection {
  /** Message content: pings in embeds never notify, and the paired members opted in to this one. */
  content: string;
  /** Exactly the ids mentioned in `content`, for `allowed_mentions.users`. */
  users: string[];
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} & ${names[names.length - 1] ?? ''}`;
}

function overflowNote(groups: number, tr: Translator): string {
  return tr.t('recap.partners.more', { count: groups });
}

/**
 * One line per pair or trio, as mentions. Groups that would overflow the content or the 100-ping
 * limit are counted in a closing note instead; those members still have `/partner status`.
 */
export function partnersSection(groups: readonly (readonly string[])[], tr: Translator = english): PartnersSection | undefined {
  const valid = groups.map((group) => [...new Set(group.filter(isSnowflake))]).filter((group) => group.length > 0);
  if (valid.length === 0) return undefined;
  const heading = tr.t('recap.partners.heading');
  const lines = [heading];
  const users = new Set<string>();
  let length = heading.length;
  let shown = 0;
  for (const group of valid) {
    const fresh = group.filter((id) => !users.has(id));
    const line = joinNames(group.map((id) => `<@${id}>`));
    // Leave room for the note about groups that do not fit.
    const room = PARTNERS_CONTENT_MAX - overflowNote(valid.length, tr).length - 1;
    if (length + 1 + line.length > room || users.size + fresh.length > PARTNER_PINGS_MAX) break;
    lines.push(line);
    length += 1 + line.length;
    for (const id of fresh) users.add(id);
    shown++;
  }
  if (shown < valid.length) lines.push(overflowNote(valid.length - shown, tr));
  return { content: lines.join('\n'), users: [...users] };
}
