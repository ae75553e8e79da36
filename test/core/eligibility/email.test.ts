import { describe, expect, it } from 'vitest';
import { emailKey } from '../../../src/core/email';

describe('matching a voter by email', () => {
  it('ignores outer spaces and case', () => {
    expect(emailKey('  Ana.Ruiz@Example.ORG ', false)).toBe('ana.ruiz@example.org');
  });

  it('keeps Gmail dots and +tags apart unless the group turns aliases on', () => {
    expect(emailKey('j.o.e+vote@gmail.com', false)).toBe('j.o.e+vote@gmail.com');
    expect(emailKey('j.o.e+vote@gmail.com', true)).toBe('joe@gmail.com');
  });

  it('treats googlemail.com as gmail.com only with aliases on', () => {
    expect(emailKey('Joe@GoogleMail.com', true)).toBe('joe@gmail.com');
    expect(emailKey('joe@googlemail.com', false)).toBe('joe@googlemail.com');
  });

  it('never strips dots or tags at other providers', () => {
    expect(emailKey('j.o.e+vote@example.org', true)).toBe('j.o.e+vote@example.org');
  });
});
