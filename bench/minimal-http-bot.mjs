// The floor over HTTP for `npm run bench`: a naive interactions endpoint that checks Discord's signature
// (node's own Ed25519, as SPEC §11 requires), inserts one row and answers in the HTTP response.
// Plain JavaScript on purpose, run by `node` with no loader; node:http and nothing else between.
/* global process, console, Buffer */
import { createPublicKey, verify } from 'node:crypto';
import { createServer } from 'node:http';
import { naiveWins } from './naive-win.mjs';

const { DATABASE_URL, DISCORD_PUBLIC_KEY, HTTP_PORT, HTTP_HOST } = process.env;
const wins = await naiveWins(DATABASE_URL);
const key = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(DISCORD_PUBLIC_KEY, 'hex')]), format: 'der', type: 'spki' });
const send = (res, status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    const body = Buffer.concat(chunks);
    const timestamp = String(req.headers['x-signature-timestamp'] ?? '');
    const signature = Buffer.from(String(req.headers['x-signature-ed25519'] ?? ''), 'hex');
    if (!verify(null, Buffer.concat([Buffer.from(timestamp), body]), key, signature)) return send(res, 401, { error: 'bad signature' });
    const interaction = JSON.parse(body.toString());
    if (interaction.type === 1) return send(res, 200, { type: 1 });
    send(res, 200, await wins.answer(interaction));
  });
});
server.listen(Number(HTTP_PORT ?? 0), HTTP_HOST ?? '127.0.0.1', () => console.log(JSON.stringify({ msg: 'health and metrics listening', port: server.address().port })));
process.once('SIGTERM', async () => {
  server.close();
  await wins.end();
  process.exit(0);
});
