import type postgres from 'postgres';

/**
 * The postgres.js client drizzle should get. drizzle sends every query it did not name with
 * `prepare: false`, and postgres.js runs such a query with parameters in two round trips (describe,
 * then bind and execute). Named statements take one round trip once a connection has seen them, as
 * postgres.js's own sql`…` does by default. Inside transactions too.
 */
export function preparingClient<T extends postgres.Sql | postgres.TransactionSql>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, params?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, params, { ...options, prepare: true });
      }
      if (property === 'begin' && 'begin' in target) {
        return (run: (tx: postgres.TransactionSql) => unknown) => target.begin((tx) => run(preparingClient(tx)));
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
