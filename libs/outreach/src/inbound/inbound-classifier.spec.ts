import { simpleParser } from 'mailparser';
import { classifyInbound } from './inbound-classifier';

const mail = (headers: string, body = 'Dank voor uw bericht, laten we bellen.') =>
  simpleParser(`From: Piet <piet@bakkerij.example>\r\nTo: reply+abc@inbound.example\r\n${headers}\r\n\r\n${body}\r\n`);

describe('classifyInbound', () => {
  it('should call a plain answer a reply when no automatic marker is present', async () => {
    expect(classifyInbound(await mail('Subject: Re: Samen praktijkleren?'), 'piet@bakkerij.example')).toBe('reply');
  });

  it('should keep a reply a reply when Auto-Submitted is "no"', async () => {
    expect(classifyInbound(await mail('Subject: Re: hallo\r\nAuto-Submitted: no'), 'piet@bakkerij.example')).toBe(
      'reply',
    );
  });

  it.each([
    'Auto-Submitted: auto-replied',
    'Auto-Submitted: auto-generated',
    'X-Autoreply: yes',
    'X-Autorespond: Afwezig',
    'Precedence: auto_reply',
    'Precedence: bulk',
    'Precedence: junk',
    'X-Auto-Response-Suppress: All',
  ])('should call it an auto-reply when the header %s is present', async (header) => {
    expect(classifyInbound(await mail(`Subject: Re: Samen praktijkleren?\r\n${header}`), 'p@b.example')).toBe(
      'auto_reply',
    );
  });

  it.each([
    'Out of Office: Samen praktijkleren?',
    'Afwezigheidsmelding',
    'Automatisch antwoord: Samen praktijkleren?',
    'Automatic reply: Samen praktijkleren?',
    'Autoreply: ik ben er niet',
    'Auto-Reply: away',
    'Afwezig tot 12 maart',
  ])('should call it an auto-reply when the subject is "%s"', async (subject) => {
    expect(classifyInbound(await mail(`Subject: ${subject}`), 'p@b.example')).toBe('auto_reply');
  });

  it('should not call it an auto-reply when "afwezig" appears later in a human subject', async () => {
    expect(classifyInbound(await mail('Subject: Re: volgende week afwezig, bellen?'), 'p@b.example')).toBe('reply');
  });

  it('should call a null-sender message with a DSN body a bounce when it is not multipart/report', async () => {
    const body =
      'Delivery to the following recipient failed permanently:\r\n\r\n  a@b.example\r\n\r\n550 5.1.1 User unknown';
    expect(classifyInbound(await mail('Subject: failure notice', body), '')).toBe('bounce');
    expect(classifyInbound(await mail('Subject: failure notice', body), 'someone@b.example')).toBe('reply');
  });
});
