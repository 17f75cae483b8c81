import { readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { classifyDsnStatus, parseDsn } from './dsn';
import { classifyInbound } from './inbound-classifier';

// Reconstructed (not captured) reports of each MTA: see tests/fixtures/dsn/README.md.
const fixture = (name: string) => readFileSync(path.join(process.cwd(), 'tests/fixtures/dsn', name), 'utf8');

const CASES = [
  ['postfix-user-unknown.eml', 'piet@bakkerij.example', 'failed', '5.1.1', 'hard'],
  ['postfix-delayed.eml', 'inkoop@metaal.example', 'delayed', '4.4.1', 'soft'],
  ['exim-user-unknown.eml', 'j.devries@zorg.example', 'failed', '5.0.0', 'hard'],
  ['sendmail-mailbox-full.eml', 'planning@transport.example', 'failed', '5.2.2', 'soft'],
  ['exchange-recipient-not-found.eml', 'h.bakker@gemeente.example', 'failed', '5.1.10', 'hard'],
  ['exchange-blocked-ip.eml', 'info@installatie.example', 'failed', '5.7.708', 'blocked'],
  ['gmail-no-such-user.eml', 'kees.vandijk@gmail.example', 'failed', '5.1.1', 'hard'],
  ['gmail-dmarc.eml', 'lisa.smit@gmail.example', 'failed', '5.7.26', 'blocked'],
  ['ses-user-unknown.eml', 'sanne@schoonmaak.example', 'failed', '5.1.1', 'hard'],
] as const;

describe('parseDsn on real-world report formats', () => {
  it.each(CASES)(
    'should read recipient, action and status and classify %s when parsed',
    (file, recipient, action, status, expected) => {
      const [first, ...rest] = parseDsn(fixture(file));

      expect(rest).toHaveLength(0);
      expect(first).toMatchObject({ finalRecipient: recipient, action, status });
      expect(first.diagnosticCode).toBeTruthy();
      expect(classifyDsnStatus(first.status, first.diagnosticCode)).toBe(expected);
    },
  );

  it.each(CASES)('should classify %s as a bounce when received', async (file) => {
    const parsed = await simpleParser(fixture(file));
    expect(classifyInbound(parsed, '')).toBe('bounce');
  });

  it('should unfold a multi-line Diagnostic-Code when the report folds it', () => {
    const [recipient] = parseDsn(fixture('gmail-no-such-user.eml'));
    expect(recipient.diagnosticCode).toMatch(/^smtp; 550-5\.1\.1 The email account .* - gsmtp$/);
  });

  it('should return no recipients when the message has no delivery-status part', () => {
    expect(parseDsn('Subject: hallo\r\n\r\nGewoon een antwoord.\r\n')).toEqual([]);
  });

  it('should decode a base64 delivery-status part when the report encodes it', () => {
    const fields = Buffer.from(
      'Reporting-MTA: dns; mx.example\n\nFinal-Recipient: rfc822; a@b.example\nAction: failed\nStatus: 5.1.1\n',
    ).toString('base64');
    const raw = `Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n--b\nContent-Type: message/delivery-status\nContent-Transfer-Encoding: base64\n\n${fields}\n--b--\n`;
    expect(parseDsn(raw)).toEqual([
      { finalRecipient: 'a@b.example', action: 'failed', status: '5.1.1', diagnosticCode: null },
    ]);
  });
});

describe('classifyDsnStatus', () => {
  it.each([
    ['5.1.1', null, 'hard'],
    ['5.1.10', 'smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound', 'hard'],
    ['5.2.1', 'smtp; 550 5.2.1 mailbox disabled', 'hard'],
    ['5.2.2', 'smtp; 552 5.2.2 Mailbox full', 'soft'],
    ['4.2.2', 'smtp; 452 4.2.2 over quota', 'soft'],
    ['4.4.1', null, 'soft'],
    ['5.7.1', 'smtp; 550 5.7.1 Message rejected as spam', 'blocked'],
    ['5.7.26', 'smtp; 550 5.7.26 DMARC', 'blocked'],
    ['5.0.0', 'smtp; 550 5.1.1 <a@b.example>: User unknown', 'hard'],
    ['5.0.0', 'smtp; 550 5.7.1 Service unavailable; client host blocked using Spamhaus', 'blocked'],
    ['5.0.0', 'smtp; 550 Rejected: SPF check failed for wsp.example', 'blocked'],
    ['5.0.0', 'smtp; 550 <a@b.example>: Recipient address rejected: User unknown', 'hard'],
    ['5.3.0', 'smtp; 554 5.3.0 some other problem', 'soft'],
    [null, null, 'soft'],
  ] as const)('should give %s (%s) the class %s', (status, diagnostic, expected) => {
    expect(classifyDsnStatus(status, diagnostic)).toBe(expected);
  });
});
