import { STATUS_CODES } from 'node:http';
import { Routes, type APIInteractionResponse } from 'discord-api-types/v10';
import { DefaultUserAgent, DiscordAPIError, HTTPError, requestWhole, targetOf, type REST } from './rest.js';

/*
 * The first answer to an interaction that came over the gateway, `POST /interactions/{id}/{token}/callback`,
 * sent straight over node:http(s) (rest.ts's `requestWhole`, on the REST client's keep-alive connections). Through @discordjs/rest it went through its queue, its request
 * resolution, an AbortController and a timer per call: with Node's HTTP client, about a third of
 * everything the bot allocated per `/win` (a sampling heap profile), and about 15% more bot CPU per `/win`
 * (medians of alternated runs). The route needs no token and is not under the bot's rate limits, so
 * nothing of that queue applies. What the REST client does for this route is kept: the same URL and
 * User-Agent; one more try after a timeout (here: the connection silent for the REST client's timeout),
 * a reset connection or a 5xx (its `retries`), then an HTTPError or the network error; a 4xx is the same
 * DiscordAPIError; a 429 is left to the REST client and its rate-limit rules.
 */

/** The errors @discordjs/rest retries: a timeout or a reset connection. */
const retriable = (error: unknown) =>
  error instanceof Error && (error.name === 'AbortError' || (error as NodeJS.ErrnoException).code === 'ECONNRESET' || error.message.includes('ECONNRESET'));

export type InteractionCallbacks = (id: string, token: string, response: APIInteractionResponse) => Promise<void>;

/** Sends interaction callbacks for the REST client's API and options. */
export function interactionCallbacks(rest: REST): InteractionCallbacks {
  const { api, version, timeout, retries, userAgentAppendix } = rest.options;
  const userAgent = `${DefaultUserAgent} ${userAgentAppendix}`.trim();
  const headers = (body: string) => ({ 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), 'User-Agent': userAgent });
  // The API's address parsed once; each callback only adds its route.
  const baseUrl = `${api}/v${version}`;
  const base = targetOf(baseUrl);
  return async function callback(id: string, token: string, response: APIInteractionResponse): Promise<void> {
    const route = Routes.interactionCallback(id, token);
    const target = { ...base, path: `${base.path}${route}` };
    const body = JSON.stringify(response);
    for (let attempt = 0; ; attempt++) {
      let reply: Awaited<ReturnType<typeof requestWhole>>;
      try {
        reply = await requestWhole(target, { method: 'POST', headers: headers(body), timeoutMs: timeout }, body);
      } catch (error) {
        if (retriable(error) && attempt < retries) continue;
        throw error;
      }
      const status = reply.message.statusCode ?? 0;
      if (status < 300) return;
      // Rare on this route: the REST client waits it out or refuses it, as for every other call.
      if (status === 429) return void (await rest.post(route, { body: response, auth: false }));
      if (status >= 500) {
        if (attempt < retries) continue;
        throw new HTTPError(status, STATUS_CODES[status] ?? '', 'POST', `${baseUrl}${route}`, { body: response });
      }
      const text = reply.body.toString('utf8');
      let data: { code?: number | string; error?: string; message?: string };
      try {
        data = JSON.parse(text) as typeof data;
      } catch {
        data = { message: text };
      }
      throw new DiscordAPIError(data as never, data.code ?? data.error ?? status, status, 'POST', `${baseUrl}${route}`, { body: response });
    }
  };
}
