import type { Config } from '../config.js';

export type Sharding = Pick<Config, 'shardCount' | 'shardIds'>;

/** Which shards this process runs (the gateway's `shardIds`/`shardCount` follow the same reading): SHARD_IDS of SHARD_COUNT, all of SHARD_COUNT, or Discord's recommendation. */
export function shardOptions({ shardCount, shardIds }: Sharding): { shards: number[] | 'auto'; shardCount?: number } {
  if (shardCount === undefined) return { shards: 'auto' };
  return { shards: shardIds ?? Array.from({ length: shardCount }, (_, i) => i), shardCount };
}
