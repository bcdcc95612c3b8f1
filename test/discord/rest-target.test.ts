import { describe, expect, it } from 'vitest';
import { targetOf } from '../../src/discord/rest.js';

describe('targetOf: a URL as node:http takes it, parsed once', () => {
  it('reads the scheme, host, port and path with its query', () => {
    expect(targetOf('https://discord.com/api/v10/channels/1/messages?limit=5')).toEqual({ secure: true, hostname: 'discord.com', port: undefined, path: '/api/v10/channels/1/messages?limit=5' });
    expect(targetOf('http://127.0.0.1:8080/api/v10')).toEqual({ secure: false, hostname: '127.0.0.1', port: 8080, path: '/api/v10' });
  });

  it('unbrackets an IPv6 host, as node:http wants it', () => {
    expect(targetOf('http://[::1]:3000/api')).toMatchObject({ hostname: '::1', port: 3000, path: '/api' });
  });
});
