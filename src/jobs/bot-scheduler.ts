import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { REST } from '@discordjs/rest';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { createDelivery } from '../discord/delivery.js';
import type { JobObserver } from './observer.js';
import { createScheduler, type Scheduler } from './scheduler.js';

/** Builds (does not start) the scheduler for a running bot (or worker): deliveries go through its REST queue. */
export function createBotScheduler(client: { rest: REST; user: { id: string } }, deps: { db: Db; clock: Clock; logger: Logger; observer?: JobObserver }): Scheduler {
  return createScheduler({
    ...deps,
    logger: deps.logger.child({ component: 'scheduler' }),
    delivery: createDelivery(client.rest, { botUserId: client.user.id }),
    instanceId: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
  });
}
