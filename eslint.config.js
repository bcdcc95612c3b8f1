import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layers of STYLE.md, as import rules: a violation fails lint.
const drizzle = ['drizzle-orm', 'drizzle-orm/*', 'postgres', '@electric-sql/*'];
const discordLib = ['discord.js', '@discordjs/*'];
const hono = ['hono', 'hono/*', '@hono/*'];
const layer = (name) => [`**/${name}/*`, `**/${name}/**`];
const commandsDir = ['**/commands/*', '**/commands/**'];
const restrict = (group, message, allowTypeImports = false) => ({
  'no-restricted-imports': ['error', { patterns: [{ group, message, allowTypeImports }] }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'migrations/', 'test-output/', 'patches/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read the environment only in src/config.ts.' }],
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['src/*/lint-probe.ts', 'commands/lint-probe.ts'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['src/config.ts', 'test/**', 'bench/**', 'drizzle.config.ts', 'vitest.config.ts', 'vitest.soak.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['src/domain/**'],
    ...{ rules: restrict([...drizzle, ...discordLib, ...layer('db'), ...layer('discord'), ...layer('jobs'), ...layer('sandbox'), ...layer('web')], 'src/domain is pure: no storage, no Discord, no I/O.') },
  },
  {
    files: ['src/db/**'],
    rules: restrict([...discordLib, ...layer('discord'), ...layer('jobs'), ...layer('sandbox'), ...layer('web')], 'src/db only queries; it knows no Discord.'),
  },
  {
    files: ['src/features/**'],
    rules: restrict(
      [...drizzle, ...discordLib, ...hono, ...layer('discord'), ...layer('web'), ...layer('jobs'), ...layer('sandbox'), ...commandsDir],
      'Use cases return content: no Discord, no HTTP, no drizzle, and no adapter (they call src/db query functions).',
    ),
  },
  {
    files: ['src/jobs/**'],
    rules: restrict([...drizzle, ...layer('sandbox'), ...layer('web'), ...commandsDir], 'Jobs call use cases and src/db query functions; they build no queries and import no other adapter.'),
  },
  {
    files: ['src/web/**'],
    rules: restrict([...layer('sandbox'), ...layer('jobs'), ...commandsDir], 'The web adapter calls use cases; it never imports commands/, jobs or the sandbox.'),
  },
  {
    files: ['commands/**'],
    rules: restrict([...drizzle, ...layer('web'), ...layer('jobs'), ...layer('sandbox')], 'Commands are the Discord adapter: they call use cases and src/db, never the web, jobs or the sandbox.'),
  },
  {
    files: ['src/sandbox/**'],
    rules: restrict(
      [...drizzle, ...layer('db'), ...layer('domain'), ...layer('discord'), ...layer('jobs'), ...layer('web'), '**/commands/*', '../*', '!../clock.js'],
      'The sandbox stands in for Discord and knows nothing of the bot.',
    ),
  },
  {
    // Every interaction runs through these files. On Node 20 (V8 11) an object spread followed by another property,
    // `{ ...a, b }`, gets a hidden class of its own every time: slow to build, megamorphic wherever it is read, and
    // garbage that reaches the old generation (bot CPU per /win 0.89x without them, README "Figures of 7 December").
    files: [
      'commands/win.ts',
      'src/db/record-win.ts',
      'src/discord/{intake,interaction,interactions-endpoint,reply,responders,router,safety-net,win-reply,locale,option-check}.ts',
      'src/discord/render/{celebrate-win,win-embed}.ts',
      'src/domain/{celebrate,flood,win-input,member-text}.ts',
      'src/features/{wins,server-presence,member-home,locales}.ts',
      'src/i18n/translate.ts',
      'src/{logger,log-scrub,metrics}.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ObjectExpression > SpreadElement ~ :matches(Property, SpreadElement)', message: 'On the interaction path, write the fields out: `{ ...a, b }` costs a hidden class per object on Node 20.' },
      ],
    },
  },
  {
    files: ['src/discord/**'],
    rules: restrict(
      [...drizzle, ...layer('db'), '!**/db/errors.js', ...layer('jobs'), ...layer('sandbox'), ...layer('web')],
      'src/discord renders and routes; queries belong to src/db, called from commands and jobs; it never imports the web.',
      true,
    ),
  },
);
