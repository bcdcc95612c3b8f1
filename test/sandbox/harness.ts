import { Client, Events, GatewayIntentBits, type Interaction, type RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';
import { ManualClock } from '../../src/clock.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';

export interface Harness {
  sandbox: Sandbox;
  client: Client<true>;
  clock: ManualClock;
  close: () => Promise<void>;
}

/** A throwaway discord.js bot connected to a fresh sandbox, with `commands` registered in the guild. */
export async function startHarness(
  commands: RESTPutAPIApplicationCommandsJSONBody,
  onInteraction: (interaction: Interaction) => Promise<void> | void,
  options: Partial<SandboxOptions> = {},
): Promise<Harness> {
  const clock = new ManualClock('2027-01-04T09:00:00Z');
  const sandbox = await startSandbox({ clock, ...options });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    rest: { api: sandbox.apiUrl },
  });
  // This bot calls Discord only while `onInteraction` runs, so it is busy exactly then (src/run-sandbox.ts
  // tells the sandbox the same of the real bot): the sandbox's `idle` and the console wait for it.
  let handling = 0;
  sandbox.watchBot(() => handling > 0);
  client.on(Events.InteractionCreate, (interaction) => {
    handling += 1;
    void (async () => onInteraction(interaction))().finally(() => (handling -= 1));
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(sandbox.token);
  await ready;
  await client.rest.put(`/applications/${sandbox.applicationId}/guilds/${sandbox.guildId}/commands`, { body: commands });
  const close = async (): Promise<void> => {
    await client.destroy();
    await sandbox.close();
  };
  return { sandbox, client: client as Client<true>, clock, close };
}
