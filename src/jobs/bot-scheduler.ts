import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { REST } from '@discordjs/rest';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { createDelivery } from '../discord/delivery.js';
import { roleConnections, roleGrantRefresher } from '../discord/role-connections.js';
import { sealKeyFrom } from '../features/token-seal.js';
import type { JobObserver } from './observer.js';
import { createScheduler, type Scheduler } from './scheduler.js';

/** Builds (does not start) the scheduler for a running bot (or worker): deliveries go through its REST queue. */
export function createBotScheduler(
  client: { rest: REST; user: { id: string }; applicationId: string },
  deps: {
    db: Db;
    clock: Clock;
    logger: Logger;
    observer?: JobObserver;
    roleLinkSecret?: string | undefined;
    /** The app's OAuth2 client secret (the web view's): renews members' role-link grants when they expire. */
    oauthClientSecret?: string | undefined;
  },
): Scheduler {
  const { roleLinkSecret, oauthClientSecret, ...rest } = deps;
  const id = client.applicationId;
  const refresh = oauthClientSecret ? { refresh: roleGrantRefresher(client.rest.options.api, { id, secret: oauthClientSecret }) } : {};
  return createScheduler({
    ...rest,
    ...(roleLinkSecret ? { roleLinks: { sealKey: sealKeyFrom(roleLinkSecret), push: roleConnections(client.rest, id).push, ...refresh } } : {}),
    logger: deps.logger.child({ component: 'scheduler' }),
    delivery: createDelivery(client.rest, { botUserId: client.user.id }),
    instanceId: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
  });
}
