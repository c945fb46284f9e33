import { describe, expect, it } from 'vitest';
import { redactQueryStrings, redactSecrets } from '../../src/logging';

describe('redactQueryStrings', () => {
  it.each([
    ['/a?token=abc', '/a?token=[REDACTED]'],
    ['/a?x=1&access_token=abc&y=2', '/a?x=1&access_token=[REDACTED]&y=2'],
    ['/a?ticket=abc#frag', '/a?ticket=[REDACTED]#frag'],
    ['/a?Session_ID=cs_1', '/a?Session_ID=[REDACTED]'],
    ['/a?acc%65ss_token=abc', '/a?acc%65ss_token=[REDACTED]'],
    ['/a?format=csv&job_id=3', '/a?format=csv&job_id=3'],
    ['/a?token=', '/a?token='],
    ['see https://x.test/r?password=hunter2 now', 'see https://x.test/r?password=[REDACTED] now'],
  ])('%s → %s', (input, expected) => {
    expect(redactQueryStrings(input)).toBe(expected);
  });
});

describe('redactSecrets', () => {
  it('also hides bearer tokens and JWT-shaped strings in free text', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    expect(redactSecrets(`Authorization: Bearer ${jwt}`)).toBe('Authorization: Bearer [REDACTED]');
    expect(redactSecrets(`token was ${jwt} then`)).toBe('token was [REDACTED JWT] then');
    expect(redactSecrets('nothing secret here')).toBe('nothing secret here');
  });
});
