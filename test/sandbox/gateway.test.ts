import { Client, Events, GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';

describe('sandbox gateway', () => {
  let sandbox: Sandbox | undefined;
  let client: Client | undefined;
  afterEach(async () => {
    await client?.destroy();
    await sandbox?.close();
  });

  it('lets the real discord.js client log in and become ready with the guild cached', async () => {
    sandbox = await startSandbox({ clock: new ManualClock('2027-01-04T09:00:00Z') });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: sandbox.apiUrl } });
    const ready = new Promise<void>((resolve) => client?.once(Events.ClientReady, () => resolve()));
    await client.login(sandbox.token);
    await ready;

    expect(client.user?.id).toBe(sandbox.botUserId);
    expect(client.application?.id).toBe(sandbox.applicationId);
    const guild = client.guilds.cache.get(sandbox.guildId);
    expect(guild?.name).toBe(sandbox.guildName);
    expect(guild?.channels.cache.map((c) => c.name).sort()).toEqual(['general', 'wins']);
    expect(guild?.members.cache.get(sandbox.user('ada').id)?.permissions.has('ManageGuild')).toBe(true);
    expect(guild?.members.cache.get(sandbox.user('bob').id)?.permissions.has('ManageGuild')).toBe(false);
  });

  it('refuses a client that logs in with another token', async () => {
    sandbox = await startSandbox({ clock: new ManualClock('2027-01-04T09:00:00Z') });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: sandbox.apiUrl } });
    await expect(client.login('not-the-token')).rejects.toThrow();
  });
});
