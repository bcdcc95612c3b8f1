import { randomBytes } from 'node:crypto';
import type { Interaction } from './interaction.js';
import { isDatabaseUnavailable, isDiskFull } from '../db/errors.js';
import { noteLocales } from '../features/locales.js';
import { homeFor, MEMBER_INSTALL_COMMANDS } from '../features/member-home.js';
import { MessageFlags } from 'discord-api-types/v10';
import type { Command, Deps } from './command.js';
import { componentCommandOf, parseComponentId } from './component-ids.js';
import { checkOptions } from './option-check.js';
import { english, type Translator } from '../i18n/index.js';
import { UserFacingError, userError } from './errors.js';
import { translatorFor } from './locale.js';
import { respond } from './reply.js';
import { answerIsEphemeral, TookTooLongError, withSafetyNet, type SafetyNetOptions } from './safety-net.js';

export const apologyFor = (ref: string, tr: Translator = english) => tr.t('error.apology', { ref });

const databaseDown = userError('database-unavailable', 'error.database-unavailable');

const diskFull = userError('database-full', 'error.database-full');

// A command that only reads had nothing to save: it is told it could not look, not that nothing was saved.
const databaseDownReading = userError('database-unavailable', 'error.database-unavailable-reading');

/** Whether the interaction only reads, as its command declares; buttons and menus count as writing. */
function onlyReads(interaction: Interaction, command: Command | undefined): boolean {
  if (!interaction.isChatInputCommand() || command?.kind !== 'chat-input') return false;
  const { readOnly } = command;
  return typeof readOnly === 'function' ? readOnly(interaction) : readOnly === true;
}

const notHere = userError('bot-not-in-server', 'error.bot-not-in-server');

// Asked when a member's own install has no home to count in; nothing was stored.
const askForHome = userError('home-unset', 'home.ask');

// Nowhere to count it yet: the member has not used the bot in any server it is in.
const noSharedServer = userError('home-none', 'home.none');


/** Whether a command reached us through the member's own install: from a DM or a server without the bot. */
function fromElsewhere(interaction: Interaction, command: Command | undefined): boolean {
  return command?.kind === 'chat-input' && MEMBER_INSTALL_COMMANDS.has(command.data.name) && !interaction.installedInGuild;
}

/** `/settings home` sets the home, so it runs without one. */
function setsHome(interaction: Interaction): boolean {
  return interaction.isChatInputCommand() && interaction.commandName === 'settings' && interaction.options.getString('home') !== null;
}

// After giving up the work may still finish, so the member is not told that nothing was saved.
const tookTooLong = userError('took-too-long', 'error.took-too-long');

// A forged or malformed id, or one from a version of the bot that drew other buttons.
const oldButton = userError('unknown-button', 'error.unknown-button');

/** The command an interaction is for, and for a button its decoded id (undefined when malformed). */
function routeOf(interaction: Interaction, byName: ReadonlyMap<string, Command>) {
  if (interaction.isButton()) {
    const id = parseComponentId(interaction.customId);
    return { name: componentCommandOf(interaction.customId), command: id ? byName.get(id.command) : undefined, id };
  }
  const name = interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : '';
  return { name, command: byName.get(name), id: undefined };
}

function describe(interaction: Interaction, name: string): { kind: string; command: string } {
  if (interaction.isChatInputCommand()) {
    const sub = interaction.options.getSubcommand(false);
    return { kind: 'command', command: sub ? `${interaction.commandName} ${sub}` : interaction.commandName };
  }
  if (interaction.isAutocomplete()) return { kind: 'autocomplete', command: name };
  if (interaction.isContextMenuCommand()) return { kind: 'context-menu', command: name };
  if (interaction.isButton()) return { kind: 'button', command: name };
  return { kind: `type-${interaction.type}`, command: '' };
}

/** What the router reports about each interaction it handled (metrics hook). */
export interface HandledInteraction {
  interactionId: string;
  /** The server it came from (null in a DM). */
  guildId: string | null;
  kind: string;
  command: string;
  outcome: 'ok' | 'refused' | 'error';
  /** The UserFacingError's reason code, e.g. `database-unavailable`. */
  reason: string | undefined;
  durationMs: number;
}

/** One entry point for every interaction: dispatch, one log line, and the two kinds of error. */
export function createInteractionHandler(
  commands: readonly Command[],
  deps: Deps,
  options: SafetyNetOptions & {
    onHandled?: ((event: HandledInteraction) => void) | undefined;
    /** Gets the work of each interaction the safety net gave up on, still running (it settles, never rejects). */
    onGivenUp?: ((work: Promise<void>) => void) | undefined;
  } = {},
) {
  const { onHandled, onGivenUp } = options;
  const byName = new Map(commands.map((command) => [command.data.name, command]));

  async function dispatch(interaction: Interaction, route: ReturnType<typeof routeOf>): Promise<void> {
    const { command, id } = route;
    const elsewhere = fromElsewhere(interaction, command);
    if (interaction.isAutocomplete()) {
      if (elsewhere) {
        // Autocomplete only looks: choosing a home is left to the command itself.
        const home = await homeFor(deps, interaction.user.id, false);
        if (home.kind === 'home') interaction.actInHome(home.guildId);
        else if (command?.data.name !== 'settings') return interaction.respond([]);
      }
      if (command?.kind === 'chat-input' && command.autocomplete) await command.autocomplete(interaction, deps);
      else await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    let homeChosenNow = false;
    if (elsewhere && !setsHome(interaction)) {
      const home = await homeFor(deps, interaction.user.id);
      if (home.kind === 'ask') throw home.sharedCount === 0 ? noSharedServer : askForHome;
      interaction.actInHome(home.guildId);
      homeChosenNow = home.chosenNow;
    }
    // Buttons may sit in a DM (a partner's check-in); their handlers check who may press them.
    if (!interaction.inGuild() && !interaction.isButton() && !(elsewhere && setsHome(interaction))) {
      throw userError('not-in-guild', 'error.not-in-guild');
    }
    // A server that never added the bot (a command reached us from elsewhere): nothing is stored under it.
    if (interaction.inGuild() && !interaction.isButton() && !interaction.installedInGuild && !elsewhere) throw notHere;
    if (interaction.isChatInputCommand()) {
      if (command?.kind === 'chat-input') {
        checkOptions(command.data, interaction.options.data);
        await command.execute(interaction, deps);
        // Said once: from now on the home is set.
        if (homeChosenNow) await interaction.followUp({ content: translatorFor(interaction).t('home.chosen'), flags: MessageFlags.Ephemeral });
        return;
      }
    } else if (interaction.isMessageContextMenuCommand()) {
      if (command?.kind === 'message-menu') return command.execute(interaction, deps);
    } else if (interaction.isButton()) {
      if (!id) throw oldButton;
      if (command?.kind === 'chat-input' && command.button) return command.button(interaction, deps, id);
    }
    throw userError('unknown-command', 'error.unknown-command');
  }

  return async function handleInteraction(interaction: Interaction): Promise<'ok' | 'refused' | 'error'> {
    const started = performance.now();
    const route = routeOf(interaction, byName);
    const { kind, command } = describe(interaction, route.name);
    // Fields on each line, not a child logger: a child per interaction costs its bindings' serialisation and redaction.
    // Written out on each line, not `{ ...fields, err }`: on Node 20 (V8 11) that gets a hidden class of its own every time.
    const guild = interaction.guildId;
    let outcome: 'ok' | 'refused' | 'error' = 'ok';
    let reason: string | undefined;
    let ref: string | undefined;
    // Buttons answer privately when the net has to catch them: their message may be someone's DM.
    const ephemeral = interaction.isRepliable() && !interaction.isButton() ? answerIsEphemeral(interaction, route.command) : true;
    try {
      await withSafetyNet(interaction, ephemeral, options, dispatch(interaction, route), (work) => {
        const settled = work.catch((late: unknown) => deps.logger.warn({ interaction: interaction.id, kind, command, guild, err: late }, 'interaction failed after it was given up'));
        onGivenUp?.(settled);
      });
    } catch (caught) {
      const down = () => (onlyReads(interaction, route.command) ? databaseDownReading : databaseDown);
      const error = caught instanceof TookTooLongError ? tookTooLong : isDatabaseUnavailable(caught) ? down() : isDiskFull(caught) ? diskFull : caught;
      if (error instanceof UserFacingError) {
        outcome = 'refused';
        reason = error.reason;
        await replySafely(interaction, error.inLanguage(translatorFor(interaction)));
      } else {
        outcome = 'error';
        ref = randomBytes(4).toString('hex');
        deps.logger.error({ interaction: interaction.id, kind, command, guild, err: error, ref }, 'interaction failed');
        await replySafely(interaction, apologyFor(ref, translatorFor(interaction)));
      }
    } finally {
      const durationMs = performance.now() - started;
      deps.logger.info({ interaction: interaction.id, kind, command, guild, durationMs: Math.round(durationMs), outcome, reason, ref }, 'interaction');
      onHandled?.({ interactionId: interaction.id, guildId: interaction.guildId, kind, command, outcome, reason, durationMs });
    }
    // After the answer, and only after one that reached the database: a refusal may mean it is down or slow.
    if (outcome === 'ok' && !interaction.languagesRemembered) await rememberLanguages(interaction);
    return outcome;
  };

  /** The member's and server's languages, for DMs and channel posts later (SPEC §12); never fails the interaction. */
  async function rememberLanguages(interaction: Interaction): Promise<void> {
    if (!interaction.guildId) return;
    // From elsewhere, the server it came from is not the home server: only the member's language is theirs.
    const guild = interaction.actingInHome ? undefined : (interaction.guildLocale ?? undefined);
    try {
      await noteLocales(deps, { guildId: interaction.guildId, userId: interaction.user.id }, { member: interaction.locale, guild });
    } catch (error) {
      deps.logger.warn({ err: error, interaction: interaction.id }, 'could not remember the languages');
    }
  }

  async function replySafely(interaction: Interaction, message: string): Promise<void> {
    if (!interaction.isRepliable()) return;
    try {
      await respond(interaction, { content: message, ephemeral: true });
    } catch (error) {
      deps.logger.warn({ err: error, interaction: interaction.id }, 'could not send the error reply');
    }
  }
}
