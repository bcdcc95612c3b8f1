import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

// Monday 30 Nov 2026, 08:00 UTC.
const start = '2026-11-30T08:00:00Z';

// SPEC §5: pairing happens at recap time, among members who are not paused. What /partner says must hold.
describe('/partner join and /partner status never promise a pairing that will not come', () => {
  let h: Harness;
  const partner = (user: string, subcommand: string) => h.sandbox.chatInput(user, { name: 'partner', subcommand });

  beforeAll(async () => {
    h = await startHarness(start);
    h.sandbox.addUser('carol');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('with check-ins on but no recap set up, says pairing waits for the recap an admin sets up', async () => {
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'checkins', options: { enabled: true } });
    const joined = await partner('alice', 'join');
    expect(joined.message?.content).not.toMatch(/At the next recap I'll pair you/);
    expect(joined.message?.content).toMatch(/\/config recap/);
    const status = await partner('alice', 'status');
    expect(status.message?.content).not.toMatch(/Pairing happens at the next recap/);
    expect(status.message?.content).toMatch(/\/config recap/);
  });

  it('tells a member who joins while paused past the next recap that the pause comes first', async () => {
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', options: { channel: h.sandbox.channels.wins!, day: 'friday', time: '09:00', timezone: 'UTC' } });
    await h.sandbox.chatInput('bob', { name: 'pause', options: { days: 14 } });
    const joined = await partner('bob', 'join');
    expect(joined.message?.content).not.toMatch(/At the next recap I'll pair you/);
    expect(joined.message?.content).toMatch(/\/resume/);
    // A pause over before the next recap (Friday 4 Dec 09:00 UTC; one day from Monday ends Wednesday 00:00) keeps the promise.
    await h.sandbox.chatInput('carol', { name: 'pause', options: { days: 1 } });
    expect((await partner('carol', 'join')).message?.content).toMatch(/At the next recap I'll pair you/);
    // And one without a pause, of course.
    expect((await partner('alice', 'join')).message?.content).toMatch(/At the next recap I'll pair you/);
  });
});
