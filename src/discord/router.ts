import { randomBytes } from 'node:crypto';
import type { Interaction } from './interaction.js';
import { isDatabaseUnavailable, isDiskFull } from '../db/errors.js';
import type { Command, Deps } from './command.js';
import { componentCommandOf, parseComponentId } from './component-ids.js';
import { checkOptions } from './option-check.js';
import { UserFacingError } from './errors.js';
import { respond } from './reply.js';
import { answerIsEphemeral, TookTooLongError, withSafetyNet, type SafetyNetOptions } from './safety-net.js';

export const apologyFor = (ref: string) =>
  `Sorry — something went wrong on my side and I couldn't finish that. If it keeps happening, tell an admin this reference: \`${ref}\`.`;

const databaseDown = new UserFacingError(
  'database-unavailable',
  "I couldn't reach my notebook just now, so nothing was saved — please try again in a minute.",
);

const diskFull = new UserFacingError(
  'database-full',
  "My notebook has run out of room, so nothing was saved. Please let an admin know; it will work again once they've made space.",
);

// A command that only reads had nothing to save: it is told it could not look, not that nothing was saved.
const databaseDownReading = new UserFacingError(
  'database-unavailable',
  "I couldn't reach my notebook just now, so I can't look that up — nothing you saved is lost. Please try again in a minute.",
);

/** Whether the interaction only reads, as its command declares; buttons and menus count as writing. */
function onlyReads(interaction: Interaction, command: Command | undefined): boolean {
  if (!interaction.isChatInputCommand() || command?.kind !== 'chat-input') return false;
  const { readOnly } = command;
  return typeof readOnly === 'function' ? readOnly(interaction) : readOnly === true;
}

const notHere = new UserFacingError(
  'bot-not-in-server',
  "I'm not in this server, so I can't keep anything here and nothing was saved. Ask an admin to add me, or use me in a server we share.",
);

// After giving up the work may still finish, so the member is not told that nothing was saved.
const tookTooLong = new UserFacingError(
  'took-too-long',
  "My notebook is very slow to answer right now, so I couldn't finish that in time. If you were saving something, it may still go through — check again in a minute before trying again.",
);

// A forged or malformed id, or one from a version of the bot that drew other buttons.
const oldButton = new UserFacingError('unknown-button', 'That button is from an older message and no longer does anything.');

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
  options: SafetyNetOptions & { onHandled?: ((event: HandledInteraction) => void) | undefined } = {},
) {
  const { onHandled } = options;
  const byName = new Map(commands.map((command) => [command.data.name, command]));

  async function dispatch(interaction: Interaction, route: ReturnType<typeof routeOf>): Promise<void> {
    const { command, id } = route;
    if (interaction.isAutocomplete()) {
      if (command?.kind === 'chat-input' && command.autocomplete) await command.autocomplete(interaction, deps);
      else await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    // Buttons may sit in a DM (a partner's check-in); their handlers check who may press them.
    if (!interaction.inGuild() && !interaction.isButton()) {
      throw new UserFacingError('not-in-guild', 'Small Wins lives in servers — try this in a server we share.');
    }
    // A server that never added the bot (a command reached us from elsewhere): nothing is stored under it.
    if (interaction.inGuild() && !interaction.isButton() && !interaction.installedInGuild) throw notHere;
    if (interaction.isChatInputCommand()) {
      if (command?.kind === 'chat-input') {
        checkOptions(command.data, interaction.options.data);
        await command.execute(interaction, deps);
        return;
      }
    } else if (interaction.isMessageContextMenuCommand()) {
      if (command?.kind === 'message-menu') return command.execute(interaction, deps);
    } else if (interaction.isButton()) {
      if (!id) throw oldButton;
      if (command?.kind === 'chat-input' && command.button) return command.button(interaction, deps, id);
    }
    throw new UserFacingError('unknown-command', "I don't know that one (yet). `/help` shows what I can do.");
  }

  return async function handleInteraction(interaction: Interaction): Promise<'ok' | 'refused' | 'error'> {
    const started = performance.now();
    const route = routeOf(interaction, byName);
    const { kind, command } = describe(interaction, route.name);
    // Fields on each line, not a child logger: a child per interaction costs its bindings' serialisation and redaction.
    const fields = { interaction: interaction.id, kind, command, guild: interaction.guildId };
    let outcome: 'ok' | 'refused' | 'error' = 'ok';
    let reason: string | undefined;
    let ref: string | undefined;
    // Buttons answer privately when the net has to catch them: their message may be someone's DM.
    const ephemeral = interaction.isRepliable() && !interaction.isButton() ? answerIsEphemeral(interaction, route.command) : true;
    try {
      await withSafetyNet(interaction, ephemeral, options, dispatch(interaction, route), (late) =>
        deps.logger.warn({ ...fields, err: late }, 'interaction failed after it was given up'),
      );
    } catch (caught) {
      const down = () => (onlyReads(interaction, route.command) ? databaseDownReading : databaseDown);
      const error = caught instanceof TookTooLongError ? tookTooLong : isDatabaseUnavailable(caught) ? down() : isDiskFull(caught) ? diskFull : caught;
      if (error instanceof UserFacingError) {
        outcome = 'refused';
        reason = error.reason;
        await replySafely(interaction, error.message);
      } else {
        outcome = 'error';
        ref = randomBytes(4).toString('hex');
        deps.logger.error({ ...fields, err: error, ref }, 'interaction failed');
        await replySafely(interaction, apologyFor(ref));
      }
    } finally {
      const durationMs = performance.now() - started;
      deps.logger.info({ ...fields, durationMs: Math.round(durationMs), outcome, reason, ref }, 'interaction');
      onHandled?.({ interactionId: interaction.id, guildId: interaction.guildId, kind, command, outcome, reason, durationMs });
    }
    return outcome;
  };

  async function replySafely(interaction: Interaction, message: string): Promise<void> {
    if (!interaction.isRepliable()) return;
    try {
      await respond(interaction, { content: message, ephemeral: true });
    } catch (error) {
      deps.logger.warn({ err: error, interaction: interaction.id }, 'could not send the error reply');
    }
  }
}
