// One REST rate-limit proxy for every worker (compose profile `workers`): workers set DISCORD_API_URL to it,
// so all their calls share one view of Discord's rate limits (the 50 requests/s global limit included).
// Run with `node dist/src/rest-proxy.js`; it forwards each caller's own Authorization header.
import { loadProxySettings } from './config.js';
import { startRestProxy } from './discord/rest-proxy-server.js';

const settings = loadProxySettings();
const proxy = await startRestProxy(settings);
console.log(`REST proxy on ${settings.host}:${settings.port} → ${settings.upstream}`);
const stop = () => void proxy.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
