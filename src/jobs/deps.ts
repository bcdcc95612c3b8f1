import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import type { Delivery } from '../discord/delivery.js';
import type { PushRoleConnection, RefreshRoleGrant } from '../features/consistency.js';
import type { SealKey } from '../features/token-seal.js';
import type { JobObserver } from './observer.js';

/** What every scheduled job is given. */
export interface JobDeps {
  db: Db;
  logger: Logger;
  delivery: Delivery;
  /** Names this process in claims (`recap_runs.claimed_by`). */
  instanceId: string;
  /** Metrics; absent in most tests. */
  observer?: JobObserver;
  /** How long a claim may stay unfinished before another process takes it over. */
  leaseMs?: number;
  /** The consistency role's refresh after each recap (SPEC §13); absent without the web view's secret. */
  roleLinks?: { sealKey: SealKey; push: PushRoleConnection; /** Renews an expired grant; absent without the app's client secret. */ refresh?: RefreshRoleGrant };
}
