import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

const start = '2026-11-25T12:00:00Z';

describe('/config recap timezone: the suggestions offer what the command accepts', () => {
  let h: Harness;
  const complete = (typed: string) => h.sandbox.autocomplete('ada', { name: 'config', subcommand: 'recap', options: { timezone: typed }, focused: 'timezone' });

  beforeAll(async () => {
    h = await startHarness(start);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('suggests the zone an abbreviation or an offset is read as, as /settings does', async () => {
    // `/config recap timezone: CET` saves Europe/Paris; the list must not say there is no such timezone.
    expect((await complete('CET')).map((c) => c.value)).toContain('Europe/Paris');
    expect((await complete('utc+2')).map((c) => c.value)).toContain('Etc/GMT-2');
    // A server's timezone is a zone: never "use the server's" (that is /settings' choice for members).
    expect((await complete('')).map((c) => c.value)).not.toContain('server');
    expect((await complete('kolk')).map((c) => c.value)).toEqual(['Asia/Kolkata']);
  });
});
