import { createInterface } from 'node:readline';
import type { ManualClock } from '../clock.js';
import { classifyLine, ConsoleInputError, parseClockArg, parseCommandLine, parseTimeArg, type NameLookup } from './console-parse.js';
import { ConsolePrinter } from './console-printer.js';
import { findButton } from './console-render.js';
import { WATCHED_QUIET_MS, type Sandbox } from './sandbox.js';
import type { InteractionResult, StoredMessage } from './types.js';

export interface ConsoleOptions {
  sandbox: Sandbox;
  clock: ManualClock;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  interactive: boolean;
  filesDir: string;
  /** The member who types first (default alice). */
  startAs?: string;
  /** Quiet time that counts as "the bot is done" after each line (default: the sandbox's own when it watches the bot, else 250 ms). */
  settleMs?: number;
}

const HELP = `Type slash commands as a member:   /win wrote 300 words   /win text: wrote 300 words private: true
  :as alice        act as another member (created if new)
  :dm /help        run a command in your DMs with the bot (if it is offered there)
  :complete /win goal: wr   show what the bot suggests for the last option
  :admin bob       give bob Manage Server
  :channel wins    switch channel            :say hello    post a message here
  :menu <name> [@ <messageId>]  run a message context menu on the last message here
  :click <label>   click that button on the newest message you see (your DMs, or this channel)
  :time +7d | +3h | +30m | +1w | 2027-01-04T09:00Z   move the clock forward
  :clock 2026-11-30T09:00Z   set the clock, forward only (scripts start with it to print the same any day)
  :locale de       your Discord language (en-US, de, fr, es-ES, pt-BR, ja…)   :server-locale de   the server's
  :now   :users   :help   :quit            # starts a comment`;

// Discord's locale codes: a language, sometimes with a region ('de', 'es-419', 'pt-BR', 'zh-TW').
const DISCORD_LOCALE = /^[a-z]{2}(-[A-Z]{2}|-419)?$/;

type Outcome = { ok: true; quit?: boolean } | { ok: false; error: string };

/** The interactive REPL, or (not interactive) a script read from `input`. Resolves to an exit code. */
export async function runConsole(opts: ConsoleOptions): Promise<number> {
  if (!opts.interactive) {
    const lines: string[] = [];
    for await (const line of createInterface({ input: opts.input, crlfDelay: Infinity })) lines.push(line);
    return runScript(opts.sandbox, opts.clock, lines, opts.output, opts.filesDir, opts);
  }
  const session = new ConsoleSession(opts);
  const rl = createInterface({ input: opts.input, output: opts.output, terminal: true });
  session.printer.line(`Sandbox "${opts.sandbox.guildName}" — ${HELP.split('\n')[0]}  (:help for more)`);
  const prompt = (): void => {
    rl.setPrompt(`${session.member} in #${session.channel} › `);
    rl.prompt();
  };
  prompt();
  try {
    for await (const line of rl) {
      const outcome = await session.execute(line, false);
      if (!outcome.ok) session.printer.error(outcome.error);
      else if (outcome.quit) break;
      prompt();
    }
  } finally {
    rl.close();
    session.detach();
  }
  return 0;
}

/** Runs lines one by one, waiting for each answer; stops at the first failing line (exit code 1). */
export async function runScript(
  sandbox: Sandbox,
  clock: ManualClock,
  lines: string[],
  output: NodeJS.WritableStream,
  filesDir: string,
  extra: Pick<ConsoleOptions, 'startAs' | 'settleMs'> = {},
): Promise<number> {
  const session = new ConsoleSession({ sandbox, clock, output, filesDir, interactive: false, ...extra });
  try {
    for (const [i, line] of lines.entries()) {
      const outcome = await session.execute(line, true);
      if (!outcome.ok) {
        session.printer.error(`script line ${i + 1}: ${outcome.error}\n    > ${line.trim()}`);
        return 1;
      }
      if (outcome.quit) break;
    }
    return 0;
  } finally {
    session.detach();
  }
}

class ConsoleSession {
  member: string;
  channel: string;
  readonly printer: ConsolePrinter;
  readonly detach: () => void;
  readonly #sandbox: Sandbox;
  readonly #clock: ManualClock;
  readonly #settleMs: number;

  constructor(opts: Omit<ConsoleOptions, 'input'>) {
    this.#sandbox = opts.sandbox;
    this.#clock = opts.clock;
    // A bot the sandbox watches (`watchBot`) says itself when it is done; otherwise only a long quiet tells.
    this.#settleMs = opts.settleMs ?? (opts.sandbox.botWatched ? WATCHED_QUIET_MS : 250);
    this.member = opts.startAs ?? 'alice';
    this.#sandbox.addUser(this.member);
    this.channel = Object.keys(this.#sandbox.channels)[0] ?? 'general';
    const color = 'isTTY' in opts.output && opts.output.isTTY === true;
    this.printer = new ConsolePrinter(this.#sandbox, opts.output, opts.filesDir, color, () => this.#sandbox.user(this.member).id);
    this.detach = this.printer.attach();
  }

  async execute(line: string, echo: boolean): Promise<Outcome> {
    const violationsBefore = this.#sandbox.violations.length;
    try {
      const parsed = classifyLine(line);
      if (parsed.kind === 'blank') return { ok: true };
      if (echo) this.printer.line(`${this.printer.paint('bold', this.member)} › ${line.trim()}`);
      const outcome = parsed.kind === 'meta' ? await this.#meta(parsed.name, parsed.arg.trim()) : await this.#command(parsed.text);
      await this.#sandbox.idle(this.#settleMs);
      const broken = this.#sandbox.violations.slice(violationsBefore);
      if (outcome.ok && broken.length > 0) return { ok: false, error: `the bot broke Discord's rules: ${broken.map((v) => `${v.method} ${v.path} → ${v.code} ${v.message} ${JSON.stringify(v.errors ?? {})}`).join('; ')}` };
      return outcome;
    } catch (error) {
      if (error instanceof ConsoleInputError || error instanceof Error) return { ok: false, error: error.message };
      return { ok: false, error: String(error) };
    }
  }

  async #command(text: string, dm = false): Promise<Outcome> {
    const parsed = parseCommandLine(text, this.#sandbox.commands(), this.#lookup());
    const place = dm ? { dm: true } : { channel: this.channel };
    return this.#report(await this.#sandbox.chatInput(this.member, { ...parsed, ...place }));
  }

  async #complete(text: string): Promise<Outcome> {
    const parsed = parseCommandLine(text.replace(/^\//, ''), this.#sandbox.commands(), this.#lookup(), true);
    if (!parsed.last) throw new ConsoleInputError('Name the option to complete, e.g. :complete /win goal: wr');
    const choices = await this.#sandbox.autocomplete(this.member, { ...parsed, focused: parsed.last, channel: this.channel });
    if (choices.length === 0) this.printer.line(this.printer.paint('dim', '  (no suggestions)'));
    for (const choice of choices) this.printer.line(`  • ${choice.name}${choice.name === String(choice.value) ? '' : this.printer.paint('dim', `  (${String(choice.value)})`)}`);
    return { ok: true };
  }

  #lookup(): NameLookup {
    const sandbox = this.#sandbox;
    return { userId: (n) => sandbox.users().find((u) => u.username === n)?.id, channelId: (n) => sandbox.channels[n] };
  }

  async #moveClock(to: Date): Promise<void> {
    this.#clock.set(to);
    this.printer.line(`  🕒 it is now ${this.#nowText()}`);
    // Scheduled work triggered by the move (the bot's catch-up ticks) finishes before the next line.
    await this.#clock.settled();
    await this.#sandbox.idle(this.#settleMs, 30_000);
  }

  /** The newest message shown with a button of that label that the current member sees: their DMs, or this channel (their own ephemeral replies included). */
  #buttonYouSee(label: string): { message: StoredMessage; customId: string } {
    const me = this.#sandbox.user(this.member).id;
    const here = this.#sandbox.channels[this.channel];
    const sees = (m: StoredMessage): boolean => m.dmUserId === me || (m.channel_id === here && (!m.ephemeral || m.interaction?.userId === me));
    for (const id of [...this.printer.buttonsShown].reverse()) {
      const message = this.#sandbox.message(id);
      const customId = message && !message.deleted && sees(message) ? findButton(message.components, label) : undefined;
      if (message && customId) return { message, customId };
    }
    throw new ConsoleInputError(`No button "${label}" on a message ${this.member} can see (their DMs, or #${this.channel})`);
  }

  #report(result: InteractionResult): Outcome {
    if (result.failed) return { ok: false, error: 'the bot did not respond within 3 s (the member sees "The application did not respond")' };
    if (result.kind === 'modal') this.printer.line(`  ↳ a form opens: "${String(result.modal?.title ?? '')}" (forms are not supported in the console)`);
    if (result.kind === 'deferred' && result.message && (result.message.flags & 128) !== 0)
      this.printer.line(this.printer.paint('dim', '  (still thinking after the wait; later edits will appear as they come)'));
    return { ok: true };
  }

  async #meta(name: string, arg: string): Promise<Outcome> {
    const sandbox = this.#sandbox;
    const need = (what: string): string => {
      if (arg === '') throw new ConsoleInputError(`:${name} needs ${what}`);
      return arg;
    };
    switch (name) {
      case 'as':
        this.member = sandbox.addUser(need('a member name').replace(/^@/, '')).username;
        return { ok: true };
      case 'admin':
        sandbox.addUser(need('a member name').replace(/^@/, ''), { manageGuild: true });
        this.printer.line(`  ${arg} can now manage the server`);
        return { ok: true };
      case 'channel': {
        const wanted = need('a channel name').replace(/^#/, '');
        if (!(wanted in sandbox.channels)) throw new ConsoleInputError(`No channel #${wanted}. Channels: ${Object.keys(sandbox.channels).map((c) => `#${c}`).join(' ')}`);
        this.channel = wanted;
        return { ok: true };
      }
      case 'time':
        await this.#moveClock(parseTimeArg(need('+7d or an ISO time'), this.#clock.now()));
        return { ok: true };
      case 'clock': {
        const to = parseClockArg(need('an ISO time like 2026-11-30T09:00Z'));
        // Going back would leave the bot's data (wins, recaps, DMs already sent) in the future: stale DMs follow.
        if (to.getTime() < this.#clock.now().getTime())
          throw new ConsoleInputError(
            `The clock only moves forward: it is ${this.#nowText()} in this world, and its wins and messages are from then. To begin at an earlier time, start a new world (a fresh DATA_DIR, or delete ./data).`,
          );
        await this.#moveClock(to);
        return { ok: true };
      }
      case 'dm': {
        const command = need('a command, e.g. :dm /settings');
        if (!command.startsWith('/')) throw new ConsoleInputError(`:dm runs a slash command, e.g. :dm /settings (got "${command}")`);
        return this.#command(command.slice(1), true);
      }
      case 'complete':
        return this.#complete(need('a command, e.g. :complete /win goal: wr'));
      case 'locale': {
        const locale = need('a Discord locale, e.g. :locale de');
        if (!DISCORD_LOCALE.test(locale)) throw new ConsoleInputError(`:locale takes a Discord locale like de, fr, es-ES, pt-BR, ja or en-US (got "${locale}")`);
        sandbox.setLocale(this.member, locale);
        this.printer.line(`  ${this.member}'s Discord speaks ${locale} now`);
        return { ok: true };
      }
      case 'server-locale': {
        const locale = need('a Discord locale, e.g. :server-locale de');
        if (!DISCORD_LOCALE.test(locale)) throw new ConsoleInputError(`:server-locale takes a Discord locale like de, fr, es-ES, pt-BR, ja or en-US (got "${locale}")`);
        sandbox.setGuildLocale(locale);
        this.printer.line(`  the server's Discord language is ${locale} now`);
        return { ok: true };
      }
      case 'now':
        this.printer.line(`  🕒 ${this.#nowText()}`);
        return { ok: true };
      case 'say':
        sandbox.postMessage(this.member, this.channel, need('a message'));
        return { ok: true };
      case 'menu': {
        const [menuName = '', explicitId] = need('a menu name').split(/\s+@\s+/);
        const target = explicitId ?? sandbox.messages(this.channel).filter((m) => !m.ephemeral).at(-1)?.id;
        if (!target) throw new ConsoleInputError(`No message in #${this.channel} yet (post one with :say)`);
        return this.#report(await sandbox.messageCommand(this.member, { name: menuName.trim(), messageId: target.trim() }));
      }
      case 'click': {
        const { message, customId } = this.#buttonYouSee(need('a button label'));
        return this.#report(await sandbox.clickButton(this.member, { messageId: message.id, customId }));
      }
      case 'users':
        for (const u of sandbox.users())
          this.printer.line(`  ${u.username === this.member ? '→' : ' '} ${u.username}${u.bot ? ' (bot)' : ''}${u.manageGuild ? ' (can manage server)' : ''}  ${u.id}`);
        return { ok: true };
      case 'help':
        this.printer.line(HELP);
        return { ok: true };
      case 'quit':
      case 'exit':
        return { ok: true, quit: true };
      default:
        throw new ConsoleInputError(`Unknown :${name} (try :help)`);
    }
  }

  #nowText(): string {
    const now = this.#clock.now();
    const day = now.toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' });
    return `${day} ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  }
}
