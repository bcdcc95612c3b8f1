import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderComponents, renderEmbed, renderMentions, renderPings, type RenderLookup } from './console-render.js';
import type { Sandbox } from './sandbox.js';
import type { StoredMessage } from './types.js';

const LOADING = 128;
const ANSI = { dim: '\x1b[2m', bold: '\x1b[1m', red: '\x1b[31m', cyan: '\x1b[36m', yellow: '\x1b[33m', reset: '\x1b[0m' } as const;

/** Prints what happens in the sandbox as it happens: replies, edits, scheduled posts, DMs, files. */
export class ConsolePrinter {
  /** Messages shown with buttons, most recent last (each once), for `:click` to choose among. */
  readonly buttonsShown: string[] = [];
  readonly #lookup: RenderLookup;
  readonly #loading = new Set<string>();

  constructor(
    private readonly sandbox: Sandbox,
    private readonly out: NodeJS.WritableStream,
    private readonly filesDir: string,
    private readonly color: boolean,
    private readonly currentUserId: () => string,
  ) {
    this.#lookup = {
      userName: (id) => sandbox.userById(id)?.username,
      channelName: (id) => Object.entries(sandbox.channels).find(([, cid]) => cid === id)?.[0],
      roleName: (id) => (id === sandbox.guildId ? 'everyone' : id === sandbox.adminRoleId ? 'Admins' : undefined),
    };
  }

  /** Subscribes to the sandbox's message events; returns the unsubscribe function. */
  attach(): () => void {
    const onMessage = (m: StoredMessage): void => this.#onMessage(m);
    const onUpdate = (m: StoredMessage): void => this.#onUpdate(m);
    const onDelete = (m: StoredMessage): void => this.line(this.paint('dim', `  🗑  a message in ${m.channelLabel} was deleted`));
    const { events } = this.sandbox;
    events.on('message', onMessage);
    events.on('messageUpdate', onUpdate);
    events.on('messageDelete', onDelete);
    return () => {
      events.off('message', onMessage);
      events.off('messageUpdate', onUpdate);
      events.off('messageDelete', onDelete);
    };
  }

  line(text: string): void {
    this.out.write(`${text}\n`);
  }

  paint(style: keyof typeof ANSI, text: string): string {
    return this.color ? `${ANSI[style]}${text}${ANSI.reset}` : text;
  }

  error(text: string): void {
    this.line(this.paint('red', `✖ ${text}`));
  }

  #onMessage(msg: StoredMessage): void {
    if (!msg.author.bot) return; // Members' messages are echoed by the console itself.
    if ((msg.flags & LOADING) !== 0) {
      this.#loading.add(msg.id);
      this.line(this.paint('dim', `  ${this.#who(msg)} is thinking…`));
      return;
    }
    this.#print(msg, false);
  }

  #onUpdate(msg: StoredMessage): void {
    if (!msg.author.bot) return;
    const wasLoading = this.#loading.delete(msg.id);
    this.#print(msg, !wasLoading);
  }

  #who(msg: StoredMessage): string {
    return this.paint('cyan', msg.author.username);
  }

  #print(msg: StoredMessage, edited: boolean): void {
    let header: string;
    if (msg.interaction) {
      const asker = msg.interaction.userId === this.currentUserId() ? 'you' : (this.sandbox.userById(msg.interaction.userId)?.username ?? '?');
      header = `  ↳ ${this.#who(msg)}${msg.ephemeral ? this.paint('dim', ` (only ${asker} can see this)`) : ''}`;
    } else header = `${this.paint('yellow', msg.channelLabel)} · ${this.#who(msg)}`;
    if (edited) header += this.paint('dim', ' (edited)');
    this.line(header);
    const indent = '    ';
    // Pings are fixed when a message is created (edits notify nobody), so they show on the first print only.
    const pings = edited ? undefined : renderPings(msg.pings, this.#lookup);
    if (pings) this.line(`${indent}${this.paint('yellow', pings)}`);
    if (msg.content) for (const l of renderMentions(msg.content, this.#lookup).split('\n')) this.line(`${indent}${l}`);
    for (const embed of msg.embeds) for (const l of renderEmbed(embed, this.#lookup)) this.line(`${indent}${l}`);
    if (msg.components.length > 0) {
      const at = this.buttonsShown.indexOf(msg.id);
      if (at >= 0) this.buttonsShown.splice(at, 1);
      this.buttonsShown.push(msg.id);
      if (this.buttonsShown.length > 500) this.buttonsShown.shift();
      for (const l of renderComponents(msg.components)) this.line(`${indent}${l}`);
    }
    for (const attachment of msg.attachments) {
      mkdirSync(this.filesDir, { recursive: true });
      const path = resolve(join(this.filesDir, `${msg.id}-${attachment.filename.replace(/[^\w.-]/g, '_')}`));
      writeFileSync(path, attachment.data);
      this.line(`${indent}🖼  saved ${attachment.filename} → ${path}`);
    }
  }
}
