import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SmtpSink, startSmtpSink } from '@app/testing';
import { FixedClock } from '../clock/clock';
import { loadConfig } from '../config/load-config';
import { MailTransport } from './mail-transport';
import { OutboundMail } from './mail.types';

const message = (overrides: Partial<OutboundMail> = {}): OutboundMail => ({
  from: { name: 'Anna de Vries', address: 'anna@wsp.example' },
  to: [{ name: 'Piet Jansen', address: 'piet@bakkerij.example' }],
  subject: 'Samen praktijkleren?',
  html: '<p>Beste Piet,</p>',
  text: 'Beste Piet,',
  ...overrides,
});

/** One after another, so the pool never needs a second connection at once. */
async function sendOneByOne(mail: MailTransport, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await mail.send(message({ to: [{ name: null, address: `p${i}@bakkerij.example` }] }));
}

describe('MailTransport', () => {
  let dataDir: string;
  const clock = new FixedClock(new Date('2027-03-02T09:15:00Z'));
  const transports: MailTransport[] = [];
  const transport = (env: Record<string, string> = {}) => {
    const created = new MailTransport(loadConfig({ DATA_DIR: dataDir, ...env }), clock);
    transports.push(created);
    return created;
  };

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'vw-mail-'));
  });
  afterEach(async () => {
    await Promise.all(transports.splice(0).map((t) => t.onModuleDestroy()));
    await rm(dataDir, { recursive: true, force: true });
  });

  describe('without SMTP_URL', () => {
    it('should write one .eml file per message to <DATA_DIR>/outbox when no SMTP server is configured', async () => {
      const mail = transport();
      const first = await mail.send(message({ messageId: '<first@vliegwiel.test>' }));
      await mail.send(message());

      const files = (await readdir(path.join(dataDir, 'outbox'))).sort();
      expect(files).toHaveLength(2);
      expect(files).toContain('2027-03-02T09-15-00-000Z-first@vliegwiel.test.eml');
      expect(first).toMatchObject({ messageId: '<first@vliegwiel.test>', accepted: ['piet@bakkerij.example'] });
      const parsed = await simpleParser(await readFile(path.join(dataDir, 'outbox', files[0])));
      expect(parsed.subject).toBe('Samen praktijkleren?');
      expect(parsed.html).toContain('<p>Beste Piet,</p>');
    });

    it('should add the RFC 8058 headers when an unsubscribe URL is given', async () => {
      await transport().send(message({ unsubscribeUrl: 'https://crm.example/u/abc' }));
      const [file] = await readdir(path.join(dataDir, 'outbox'));
      const raw = (await readFile(path.join(dataDir, 'outbox', file))).toString();
      expect(raw).toMatch(/(^|\r\n)List-Unsubscribe: <https:\/\/crm\.example\/u\/abc>\r\n/);
      expect(raw).toMatch(/(^|\r\n)List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n/);
    });

    it('should sign List-Unsubscribe and List-Unsubscribe-Post when DKIM is configured', async () => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
      const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
      const mail = transport({ DKIM_DOMAIN: 'wsp.example', DKIM_SELECTOR: 'vw1', DKIM_PRIVATE_KEY: pem });
      await mail.send(message({ unsubscribeUrl: 'https://crm.example/u/abc' }));

      const [file] = await readdir(path.join(dataDir, 'outbox'));
      const raw = (await readFile(path.join(dataDir, 'outbox', file))).toString();
      const signature = raw.split(/\r\n(?=\S)/).find((line) => /^DKIM-Signature:/i.test(line))!;
      expect(signature).toContain('d=wsp.example');
      const signed = /;h=([^;]+)/.exec(signature.replace(/\s+/g, ''))![1].toLowerCase().split(':');
      expect(signed).toEqual(expect.arrayContaining(['from', 'subject', 'list-unsubscribe', 'list-unsubscribe-post']));
    });

    it('should refuse an address with a line break when it could inject a header', async () => {
      const mail = transport();
      await expect(
        mail.send(message({ to: [{ name: 'X', address: 'piet@bakkerij.example\r\nBcc: all@example.com' }] })),
      ).rejects.toMatchObject({ kind: 'invalid', code: 'mail.invalid_address' });
      await expect(readdir(path.join(dataDir, 'outbox'))).rejects.toThrow();
    });

    it('should keep a subject and display name on one line when they hold CR or LF', async () => {
      await transport().send(
        message({ subject: 'Hallo\r\nBcc: evil@example.com', to: [{ name: 'Piet\nBcc: x', address: 'p@b.example' }] }),
      );
      const [file] = await readdir(path.join(dataDir, 'outbox'));
      const parsed = await simpleParser(await readFile(path.join(dataDir, 'outbox', file)));
      expect(parsed.subject).toBe('Hallo Bcc: evil@example.com');
      expect(parsed.bcc).toBeUndefined();
    });
  });

  describe('with SMTP_URL', () => {
    let sink: SmtpSink;
    beforeEach(async () => {
      sink = await startSmtpSink({
        rejectRcpt: (address) =>
          address.startsWith('gone@') ? { code: 550, message: '5.1.1 No such user' } : undefined,
      });
    });
    afterEach(() => sink.close());

    it('should deliver over pooled SMTP and report accepted and rejected recipients when one is refused', async () => {
      const result = await transport({ SMTP_URL: sink.url }).send(
        message({
          to: [
            { name: 'Piet', address: 'piet@bakkerij.example' },
            { name: null, address: 'gone@bakkerij.example' },
          ],
          envelopeFrom: 'reply+token@inbound.example',
        }),
      );

      expect(result.accepted).toEqual(['piet@bakkerij.example']);
      expect(result.rejected).toEqual(['gone@bakkerij.example']);
      expect(result.response).toMatch(/^250/);
      const [received] = await sink.waitFor(1);
      expect(received.envelope).toEqual({ mailFrom: 'reply+token@inbound.example', rcptTo: ['piet@bakkerij.example'] });
      expect(received.parsed.from?.value[0]).toEqual({ name: 'Anna de Vries', address: 'anna@wsp.example' });
      expect(await readdir(dataDir)).not.toContain('outbox');
    });

    it('should keep one pooled connection for 150 messages instead of a new one after 100', async () => {
      // nodemailer's default (100 messages per connection) would open a second one here.
      await sendOneByOne(transport({ SMTP_URL: sink.url }), 150);

      await sink.waitFor(150);
      expect(sink.connections()).toBe(1);
    });

    it('should take maxMessages from SMTP_URL over our own when the URL sets one', async () => {
      await sendOneByOne(transport({ SMTP_URL: `${sink.url}/?maxMessages=50` }), 150);

      await sink.waitFor(150);
      expect(sink.connections()).toBe(3);
    });

    it('should pass the server refusal on with its response code when every recipient is refused', async () => {
      const send = transport({ SMTP_URL: sink.url }).send(message({ to: [{ name: null, address: 'gone@x.example' }] }));
      await expect(send).rejects.toMatchObject({ responseCode: 550 });
    });
  });
});
