import { describe, expect, it } from 'vitest';
import { ruleProblems } from '../support/lint-rule.js';

// The layer rules live in eslint.config.js; these prove they catch what they claim to. Only the import rule runs.
const problemsIn = ruleProblems('no-restricted-imports');

describe('layer rules', () => {
  it('refuses drizzle, discord.js and the database in the domain', { timeout: 60_000 }, async () => {
    const problems = await problemsIn(
      'src/domain/lint-probe.ts',
      "import { eq } from 'drizzle-orm';\nimport { Client } from 'discord.js';\nimport { recordWin } from '../db/wins.js';\nexport const x = [eq, Client, recordWin];\n",
    );
    expect(problems).toHaveLength(3);
  });

  it('refuses query modules in the Discord adapter but allows their types', { timeout: 60_000 }, async () => {
    const code = "import { recordWin } from '../db/wins.js';\nimport type { Win } from '../db/schema.js';\nexport const x: [typeof recordWin, Win | undefined] = [recordWin, undefined];\n";
    expect(await problemsIn('src/discord/lint-probe.ts', code)).toHaveLength(1);
  });

  it('keeps drizzle out of jobs and the bot out of the sandbox', { timeout: 60_000 }, async () => {
    expect(await problemsIn('src/jobs/lint-probe.ts', "import { sql } from 'drizzle-orm';\nexport const x = sql;\n")).toHaveLength(1);
    expect(await problemsIn('src/sandbox/lint-probe.ts', "import { data } from '../../commands/win.js';\nimport { a } from '../domain/time.js';\nexport const x = [data, a];\n")).toHaveLength(2);
    expect(await problemsIn('src/db/lint-probe.ts', "import { Client } from 'discord.js';\nexport const x = Client;\n")).toHaveLength(1);
  });

  it('keeps discord.js, hono, drizzle and every adapter out of the use cases', { timeout: 60_000 }, async () => {
    const code =
      "import { Client } from 'discord.js';\nimport { Hono } from 'hono';\nimport { eq } from 'drizzle-orm';\n" +
      "import { respond } from '../discord/reply.js';\nimport { createWebHandler } from '../web/app.js';\nimport { deliverRun } from '../jobs/recap.js';\n" +
      "import { data } from '../../commands/win.js';\nimport { recordWin } from '../db/wins.js';\nexport const x = [Client, Hono, eq, respond, createWebHandler, deliverRun, data, recordWin];\n";
    // Seven refused; the query function is what a use case is for.
    expect(await problemsIn('src/features/lint-probe.ts', code)).toHaveLength(7);
  });

  it('keeps the web away from commands/, jobs and the sandbox', { timeout: 60_000 }, async () => {
    const code =
      "import { recapPreview } from '../../commands/recap.js';\nimport { SANDBOX_CLIENT_SECRET } from '../sandbox/oauth.js';\nimport { deliverRun } from '../jobs/recap.js';\nexport const x = [recapPreview, SANDBOX_CLIENT_SECRET, deliverRun];\n";
    expect(await problemsIn('src/web/lint-probe.ts', code)).toHaveLength(3);
  });

  it('keeps commands/ away from the web, jobs and the sandbox', { timeout: 60_000 }, async () => {
    const code =
      "import { createWebHandler } from '../src/web/app.js';\nimport { deliverRun } from '../src/jobs/recap.js';\nimport { startSandbox } from '../src/sandbox/index.js';\nexport const x = [createWebHandler, deliverRun, startSandbox];\n";
    expect(await problemsIn('commands/lint-probe.ts', code)).toHaveLength(3);
  });

  it('keeps the Discord adapter from importing the web, and jobs from importing commands/', { timeout: 60_000 }, async () => {
    expect(await problemsIn('src/discord/lint-probe.ts', "import { createWebHandler } from '../web/app.js';\nexport const x = createWebHandler;\n")).toHaveLength(1);
    expect(await problemsIn('src/jobs/lint-probe.ts', "import { recap } from '../../commands/recap.js';\nexport const x = recap;\n")).toHaveLength(1);
  });

  it('lets the domain import the domain', { timeout: 60_000 }, async () => {
    expect(await problemsIn('src/domain/lint-probe.ts', "import { weekRange } from './time.js';\nexport const x = weekRange;\n")).toEqual([]);
  });
});
