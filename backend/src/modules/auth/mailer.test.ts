import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { createMailer } from './mailer';

describe('createMailer without SMTP settings', () => {
  it('prints the link in the server log instead of sending', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const mailer = createMailer(loadConfig({}), pino({ level: 'info' }, sink));
    expect(mailer.kind).toBe('console');
    await mailer.send({ to: 'a@example.com', subject: 'Verify', text: 'body', link: 'http://x.test/verify-email?token=abc' });
    expect(lines.join('')).toContain('http://x.test/verify-email?token=abc');
  });
});
