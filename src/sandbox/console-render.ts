import type { APIEmbed } from 'discord.js';
import { asArray, asObject, asString, type JsonObject } from './json.js';
import type { Pings } from './types.js';

export interface RenderLookup {
  userName(id: string): string | undefined;
  channelName(id: string): string | undefined;
  roleName(id: string): string | undefined;
}

const WIDE = /\p{Extended_Pictographic}/u;
const ZERO_WIDTH = /^(?:\u200d|\ufe0e|\ufe0f|\p{Mn})$/u;

/** Terminal columns a string takes: emoji count 2, joiners and variation selectors 0. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ZERO_WIDTH.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return width;
}

/** Word-wraps to `width` columns, keeping explicit line breaks and splitting over-long words. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      let rest = word;
      while (displayWidth(rest) > width) {
        if (line !== '') lines.push(line);
        const chars = [...rest];
        let cut = 0;
        let w = 0;
        while (cut < chars.length && w + displayWidth(chars[cut] ?? '') <= width) w += displayWidth(chars[cut++] ?? '');
        lines.push(chars.slice(0, cut).join(''));
        rest = chars.slice(cut).join('');
        line = '';
      }
      if (rest === '') continue;
      const candidate = line === '' ? rest : `${line} ${rest}`;
      if (displayWidth(candidate) > width) {
        lines.push(line);
        line = rest;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

/** `<@id>` → `@name`, `<#id>` → `#name`, `<@&id>` → `@role`, `</cmd:id>` → `/cmd`, `<t:…>` → a UTC date. */
export function renderMentions(text: string, lookup: RenderLookup): string {
  return text
    .replace(/<@!?(\d+)>/g, (m, id: string) => `@${lookup.userName(id) ?? id}`)
    .replace(/<@&(\d+)>/g, (m, id: string) => `@${lookup.roleName(id) ?? id}`)
    .replace(/<#(\d+)>/g, (m, id: string) => `#${lookup.channelName(id) ?? id}`)
    .replace(/<\/([\w -]+):\d+>/g, (m, name: string) => `/${name}`)
    .replace(/<t:(-?\d+)(?::([tTdDfFR]))?>/g, (m, secs: string, style?: string) => {
      const iso = new Date(Number(secs) * 1000).toISOString();
      if (style === 'd' || style === 'D') return iso.slice(0, 10);
      if (style === 't' || style === 'T') return `${iso.slice(11, 16)} UTC`;
      return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
    });
}

/** An embed as a box of text, `width` columns inside the borders. */
export function renderEmbed(embed: APIEmbed, lookup: RenderLookup, width = 60): string[] {
  const body: string[] = [];
  const add = (text: string | undefined): void => {
    if (text) body.push(...wrap(renderMentions(text, lookup), width));
  };
  add(embed.author?.name);
  add(embed.title);
  add(embed.description);
  for (const field of embed.fields ?? []) {
    if (body.length > 0) body.push('');
    add(field.name);
    add(field.value);
  }
  if (embed.image?.url) add(`🖼  ${embed.image.url}`);
  const footer = [embed.footer?.text, embed.timestamp ? renderMentions(`<t:${Math.floor(Date.parse(embed.timestamp) / 1000)}:f>`, lookup) : undefined]
    .filter(Boolean)
    .join(' · ');
  if (footer) {
    body.push('─'.repeat(Math.min(width, 20)));
    add(footer);
  }
  const pad = (line: string): string => `│ ${line}${' '.repeat(Math.max(0, width - displayWidth(line)))} │`;
  return [`┌${'─'.repeat(width + 2)}┐`, ...body.map(pad), `└${'─'.repeat(width + 2)}┘`];
}

/** Action rows as `[ Label ]` buttons and `[ placeholder ▾ ]` menus, one line per row. */
export function renderComponents(rows: JsonObject[]): string[] {
  return rows.map((row) =>
    asArray(row.components)
      .map(asObject)
      .map((c) => {
        if (!c) return '';
        const label = asString(c.label) ?? asString(asObject(c.emoji)?.name) ?? asString(c.custom_id) ?? '?';
        if (c.type === 2) return `[ ${label}${c.style === 5 ? ' ↗' : ''} ]${c.disabled === true ? ' (disabled)' : ''}`;
        return `[ ${asString(c.placeholder) ?? 'choose…'} ▾ ]`;
      })
      .join('  '),
  );
}

/** Finds a button on a message by its label (case-insensitive) or custom_id. */
export function findButton(rows: JsonObject[], wanted: string): string | undefined {
  const buttons = rows.flatMap((row) => asArray(row.components).map(asObject)).filter((c) => c?.type === 2 && c.style !== 5);
  const needle = wanted.trim().toLowerCase();
  const hit = buttons.find((b) => asString(b?.custom_id) === wanted.trim()) ?? buttons.find((b) => (asString(b?.label) ?? '').toLowerCase() === needle);
  return asString(hit?.custom_id);
}

/** Who Discord notified for a message (`🔔 pings @alice, @everyone`), or undefined when nobody. */
export function renderPings(pings: Pings, lookup: RenderLookup): string | undefined {
  const names = [
    ...pings.users.map((id) => `@${lookup.userName(id) ?? id}`),
    ...pings.roles.map((id) => `@${lookup.roleName(id) ?? id}`),
    ...(pings.everyone ? ['@everyone'] : []),
  ];
  return names.length > 0 ? `🔔 pings ${names.join(', ')}` : undefined;
}
