import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { fixedStatement } from '../../src/db/fixed-sql.js';
import { winStatement } from '../../src/db/record-win.js';

const dialect = new PgDialect();
const now = new Date('2026-11-25T15:00:00Z');
const win = { guildId: '100', userId: '1', text: 'a', isPrivate: false, occurredAt: now, interactionId: '9' };

describe('statements built once', () => {
  it('lays each call its own values, in order, into one text', () => {
    const build = fixedStatement<'a' | 'b'>((slot) => sql`select ${slot('a')}::int + ${slot('b')}::int, ${slot('a')}::text`);
    const one = dialect.sqlToQuery(build({ a: 1, b: 2 }));
    const two = dialect.sqlToQuery(build({ a: null, b: 'x' }));
    expect(one.sql).toBe('select $1::int + $2::int, $3::text');
    expect(two.sql).toBe(one.sql);
    expect([one.params, two.params]).toEqual([[1, 2, 1], [null, 'x', null]]);
    // The driver's own call gets the same text and values, without drizzle rendering them.
    expect(build.text).toBe(one.sql);
    expect(build.paramsOf({ a: null, b: 'x' })).toEqual(two.params);
  });

  it('refuses a value that is not a slot, and a $ in the text', () => {
    expect(() => fixedStatement<'a'>((slot) => sql`select ${slot('a')}, ${5}`)).toThrow(/slots only/);
    expect(() => fixedStatement<'a'>((slot) => sql`select ${slot('a')}, ${sql.raw("'$1'")}`)).toThrow(/no \$/);
  });

  it('gives /win one text with or without a timezone, a source message or a repeat member', () => {
    const plain = dialect.sqlToQuery(winStatement(win, now));
    const other = dialect.sqlToQuery(winStatement({ ...win, userId: '2', timezone: 'Europe/Paris', source: 'message', sourceMessageId: '5' }, now));
    expect(other.sql).toBe(plain.sql);
    expect(plain.params).toContain('100:1');
    expect(other.params).toContain('100:2');
    expect(dialect.sqlToQuery(winStatement({ ...win, goalId: 3 }, now)).params).toContain(3);
  });
});
