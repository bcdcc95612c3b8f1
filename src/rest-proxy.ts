// One REST rate-limit proxy for every worker (compose profile `workers`): workers set DISCORD_API_URL to it,
// so all their calls share one view of Discord's rate limits (the 50 requests/s global limit included).
// Run with `node dist/src/rest-proxy.js`; it forwards each caller's own Authorization header.
import { createServer } from 'node:http';
import { proxyRequests } from '@discordjs/proxy';
import { REST } from '@discordjs/rest';
import { loadProxySettings } from './config.js';

const settings = loadProxySettings();
// Rate limits are waited out here, once for everyone, not by each worker.
const rest = new REST({ api: settings.upstream, rejectOnRateLimit: null, retries: 1 });
const handle = proxyRequests(rest);
const server = createServer((request, response) => void handle(request, response));
server.listen(settings.port, settings.host, () => console.log(`REST proxy on ${settings.host}:${settings.port} → ${settings.upstream}`));
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
