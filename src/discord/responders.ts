import type { ServerResponse } from 'node:http';
import { DiscordAPIError, type REST, type RawFile } from './rest.js';
import {
  InteractionResponseType,
  MessageFlags,
  Routes,
  type APIInteractionResponse,
  type APIMessage,
} from 'discord-api-types/v10';
import type { InteractionCallbacks } from './interaction-callback.js';
import type { MessageBody, Responder } from './interaction.js';

interface Ids {
  id: string;
  token: string;
  application_id: string;
}

/** A request's files, only when there are some. */
const withFiles = (files: RawFile[]) => (files.length > 0 ? { files } : {});

/**
 * A responder: `callback` for the first answer, and the webhook routes every answer after the first goes
 * through, whichever way the interaction came. One literal, not a spread of shared parts: on Node 20 (V8 11)
 * `{ ...parts, callback }` gets a hidden class of its own for every interaction.
 */
function responderWith(rest: REST, { application_id: app, token }: Ids, callback: Responder['callback']): Responder {
  return {
    editOriginal: async (body: MessageBody, files: RawFile[]) =>
      (await rest.patch(Routes.webhookMessage(app, token, '@original'), { body, auth: false, ...withFiles(files) })) as APIMessage,
    deleteOriginal: async () => void (await rest.delete(Routes.webhookMessage(app, token, '@original'), { auth: false })),
    followUp: async (body: MessageBody, files: RawFile[]) => (await rest.post(Routes.webhook(app, token), { body, auth: false, ...withFiles(files) })) as APIMessage,
    callback,
  };
}

/** Gateway case: the callback is a REST call (`POST /interactions/{id}/{token}/callback`), sent by `send` unless it carries files. */
export function restResponder(rest: REST, ids: Ids, send: InteractionCallbacks): Responder {
  return responderWith(rest, ids, async (response, files) => {
    if (files.length === 0) return send(ids.id, ids.token, response);
    await rest.post(Routes.interactionCallback(ids.id, ids.token), { body: response, auth: false, ...withFiles(files) });
  });
}

/** The first answer of an interaction that came over HTTP: it becomes the HTTP response's body. */
export interface HttpAnswer {
  /** Resolves with the body once the handler gave its first answer. */
  readonly body: Promise<APIInteractionResponse>;
  /** Called by the endpoint once the response has left (its `finish`): the webhook routes work from then on. */
  sent(): void;
}

/**
 * HTTP case: the first answer goes in the HTTP response (Discord takes no files there, so an answer
 * with files is sent as a defer and then an edit), later ones through the webhook routes.
 */
export function httpResponder(rest: REST, ids: Ids): Responder & { answer: HttpAnswer } {
  let give: (body: APIInteractionResponse) => void = () => undefined;
  let markSent: () => void = () => undefined;
  const body = new Promise<APIInteractionResponse>((resolve) => (give = resolve));
  const left = new Promise<void>((resolve) => (markSent = resolve));
  let answered = false;
  const answer = async (response: APIInteractionResponse) => {
    if (answered) {
      // What Discord says to a second callback.
      throw new DiscordAPIError({ code: 40060, message: 'Interaction has already been acknowledged.' }, 40060, 400, 'POST', `/interactions/${ids.id}/callback`, {});
    }
    answered = true;
    give(response);
    await left;
  };
  const responder = responderWith(rest, ids, async (response, files) => {
    if (files.length > 0 && (response.type === InteractionResponseType.ChannelMessageWithSource || response.type === InteractionResponseType.UpdateMessage)) {
      const data = response.data ?? {};
      const update = response.type === InteractionResponseType.UpdateMessage;
      await answer(
        update
          ? { type: InteractionResponseType.DeferredMessageUpdate }
          : { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: (data.flags ?? 0) & MessageFlags.Ephemeral } },
      );
      await responder.editOriginal(data as MessageBody, files);
      return;
    }
    await answer(response);
  });
  // A property added to a literal keeps one hidden class for all of them.
  return Object.assign(responder, { answer: { body, sent: markSent } });
}

/** Resolves once a Node response has been handed to the network (or the connection is gone). */
export function whenSent(response: ServerResponse | undefined): Promise<void> {
  if (!response || response.writableFinished) return Promise.resolve();
  return new Promise((resolve) => {
    response.once('finish', resolve);
    response.once('close', resolve);
  });
}
