import { describe, expect, it } from 'vitest';
import { forwardedClientAddress } from './client-address.ts';

describe('client address behind proxies', () => {
  it('takes the address the trusted proxies appended, never what the client wrote before them', () => {
    // The client forges "1.2.3.4"; the one proxy appends the address it saw.
    expect(forwardedClientAddress('1.2.3.4, 203.0.113.7', '10.0.0.2', 1)).toBe('203.0.113.7');
    // Two proxies: the second from the right is what the outer proxy saw.
    expect(forwardedClientAddress('1.2.3.4, 203.0.113.7, 10.0.0.9', '10.0.0.2', 2)).toBe('203.0.113.7');
  });

  it('uses the socket address with no trusted proxy, no header, or fewer entries than proxies', () => {
    expect(forwardedClientAddress('1.2.3.4', '10.0.0.2', 0)).toBe('10.0.0.2');
    expect(forwardedClientAddress(undefined, '10.0.0.2', 1)).toBe('10.0.0.2');
    expect(forwardedClientAddress('203.0.113.7', '10.0.0.2', 2)).toBe('10.0.0.2');
  });

  it('gives sixty forged first entries one key: the limit holds', () => {
    const keys = new Set(Array.from({ length: 60 }, (_, index) => forwardedClientAddress(`198.51.100.${index}, 203.0.113.7`, '10.0.0.2', 1)));
    expect([...keys]).toEqual(['203.0.113.7']);
  });
});
