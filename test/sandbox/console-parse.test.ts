import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyLine, parseClockArg, parseCommandLine, parseTimeArg } from '../../src/sandbox/console-parse.js';
import type { CommandDef } from '../../src/sandbox/index.js';

const base = { application_id: '1', version: '1', default_member_permissions: null, type: 1 };
const commands: CommandDef[] = [
  {
    ...base, id: '10', name: 'win', description: 'Log a win',
    options: [
      { type: 3, name: 'text', description: 'What', required: true },
      { type: 5, name: 'private', description: 'Private?' },
      { type: 3, name: 'when', description: 'When' },
      { type: 6, name: 'with', description: 'Partner' },
      { type: 7, name: 'in', description: 'Channel' },
    ],
  },
  {
    ...base, id: '11', name: 'goal', description: 'Goals',
    options: [
      { type: 1, name: 'add', description: 'Add', options: [{ type: 3, name: 'title', description: 't' }, { type: 4, name: 'target', description: 'n' }, { type: 3, name: 'period', description: 'p' }] },
      { type: 2, name: 'partner', description: 'Partner', options: [{ type: 1, name: 'set', description: 's', options: [{ type: 6, name: 'member', description: 'm' }] }] },
    ],
  },
];
const lookup = { userId: (n: string) => ({ alice: '1001' })[n], channelId: (n: string) => ({ wins: '2002' })[n] };

describe('console line parser', () => {
  it('reads option values that run until the next known option', () => {
    expect(parseCommandLine('win text: wrote 300 words: a draft private: true when: yesterday', commands, lookup)).toEqual({
      name: 'win',
      options: { text: 'wrote 300 words: a draft', private: true, when: 'yesterday' },
    });
  });

  it('gives text before the first option to the first required option', () => {
    expect(parseCommandLine('win wrote 300 words', commands, lookup)).toEqual({ name: 'win', options: { text: 'wrote 300 words' } });
    expect(parseCommandLine('win wrote 300 words private: yes', commands, lookup).options).toEqual({ text: 'wrote 300 words', private: true });
    expect(() => parseCommandLine('win wrote it text: twice', commands, lookup)).toThrow('Expected "option: value" after /win, got "wrote it"');
    expect(() => parseCommandLine('goal add Read', commands, lookup)).toThrow('Expected "option: value" after /goal add, got "Read"');
  });

  it('leaves the last option as typed, even empty, for :complete', () => {
    expect(parseCommandLine('win when: yes', commands, lookup, true)).toEqual({ name: 'win', options: { when: 'yes' }, last: 'when' });
    expect(parseCommandLine('win wrote it with:', commands, lookup, true)).toEqual({ name: 'win', options: { text: 'wrote it', with: '' }, last: 'with' });
    expect(parseCommandLine('win wrote', commands, lookup, true)).toEqual({ name: 'win', options: { text: 'wrote' }, last: 'text' });
    expect(() => parseCommandLine('win with:', commands, lookup)).toThrow('Option "with" needs a value');
  });

  it('converts members and channels to ids and booleans from yes/no', () => {
    expect(parseCommandLine('win text: hi with: @alice in: #wins private: no', commands, lookup).options).toEqual({ text: 'hi', with: '1001', in: '2002', private: false });
  });

  it('reads subcommands and subcommand groups', () => {
    expect(parseCommandLine('goal add title: Read target: 2 period: week', commands, lookup)).toEqual({ name: 'goal', subcommand: 'add', options: { title: 'Read', target: 2, period: 'week' } });
    expect(parseCommandLine('goal partner set member: @alice', commands, lookup)).toEqual({ name: 'goal', subcommandGroup: 'partner', subcommand: 'set', options: { member: '1001' } });
  });

  it('explains unknown commands, unknown options and badly typed values', () => {
    expect(() => parseCommandLine('wins text: x', commands, lookup)).toThrow(/Unknown command \/wins. Known: \/win, \/goal/);
    expect(() => parseCommandLine('win txt: x', commands, lookup)).toThrow(/has no option "txt"/);
    expect(() => parseCommandLine('goal add target: two', commands, lookup)).toThrow(/expects a whole number/);
    expect(() => parseCommandLine('goal remove', commands, lookup)).toThrow(/needs a subcommand: add, partner/);
    expect(() => parseCommandLine('win text: x with: @zed', commands, lookup)).toThrow(/a member like @alice/);
  });

  it('treats # lines and blank lines as nothing and : lines as console commands', () => {
    expect(classifyLine('  # a comment')).toEqual({ kind: 'blank' });
    expect(classifyLine('')).toEqual({ kind: 'blank' });
    expect(classifyLine(':time +7d')).toEqual({ kind: 'meta', name: 'time', arg: '+7d' });
    expect(classifyLine('/win text: x')).toEqual({ kind: 'command', text: 'win text: x' });
    expect(() => classifyLine('hello')).toThrow(/Not understood/);
  });

  it('moves time by relative steps or to an instant, never backwards', () => {
    const now = new Date('2027-01-04T09:00:00Z');
    expect(parseTimeArg('+7d', now).toISOString()).toBe('2027-01-11T09:00:00.000Z');
    expect(parseTimeArg('+1w', now).toISOString()).toBe('2027-01-11T09:00:00.000Z');
    expect(parseTimeArg('+3h', now).toISOString()).toBe('2027-01-04T12:00:00.000Z');
    expect(parseTimeArg('+1d12h', now).toISOString()).toBe('2027-01-05T21:00:00.000Z');
    expect(parseTimeArg('2027-01-05T09:00Z', now).toISOString()).toBe('2027-01-05T09:00:00.000Z');
    expect(() => parseTimeArg('2026-01-01T00:00Z', now)).toThrow(/forward/);
    expect(() => parseTimeArg('+7x', now)).toThrow(/Cannot read/);
  });
});

describe('example scripts', () => {
  it('each pins its clock before anything else, so it prints the same on any day', () => {
    const files = readdirSync('examples').filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const first = readFileSync(`examples/${file}`, 'utf8').split('\n').map((l) => l.trim()).find((l) => l !== '' && !l.startsWith('#'));
      expect([file, first && parseClockArg(first.replace(/^:clock\s+/, '')).toISOString(), first?.startsWith(':clock ')]).toEqual([file, expect.any(String), true]);
    }
  });
});
