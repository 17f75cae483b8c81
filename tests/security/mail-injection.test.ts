import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { SinkMessage, SmtpSink, startSmtpSink } from '@app/testing';
import { authed, createUser, TestUser } from '../support/session';
import { TestApp } from '../support/test-app';
import { freshKvk, startSecurityApp } from './security-fixtures';

/**
 * Scenario 11 (docs/reliability.md): hostile text in every field that reaches an e-mail (contact and
 * employer names, sender name and phone, WSP name and address, template subject, html and text) goes
 * through preview, test-send and a real campaign send into a real SMTP server. Invariants: one
 * recipient, the same header names as a plain message, nothing unescaped in the HTML, no attachment,
 * no file read, no URL fetched, `Object.prototype` untouched.
 */

const ATTACKER = 'attacker.example';
const HOSTILE: Record<string, string> = {
  crlfBcc: `Piet\r\nBcc: evil@${ATTACKER}`,
  lfHeaders: `Piet\nX-Injected: 1\nCc: evil2@${ATTACKER}`,
  bareCr: `Piet\rTo: evil3@${ATTACKER}`,
  bodySplit: `Piet\r\n\r\n<html><body>Nep</body></html>\r\n.\r\nMAIL FROM:<x@${ATTACKER}>`,
  quotedLocal: `"evil@${ATTACKER}"@wsp.example`,
  angleAddress: `Piet <evil4@${ATTACKER}>, evil5@${ATTACKER}`,
  idn: 'Jan Bäcker 日本 xn--bcker-gra.example',
  handlebars: '{{sender.email}} {{#each this}}{{@key}}{{/each}} {{{unsubscribeUrl}}}',
  proto: '__proto__ constructor.prototype.polluted',
  script: '<script>alert(1)</script><img src=x onerror=alert(2)>',
  encodedWord: `=?utf-8?B?${Buffer.from(`\r\nBcc: evil6@${ATTACKER}`).toString('base64')}?=`,
  // NUL itself cannot be stored (PostgreSQL text); the API refuses it (hostile-bodies.test.ts).
  controls: 'Piet\u0007\u001b[31m\u2028\u2029\u0085Jansen',
};

/** Variables in every part, plus content that would attach a file or fetch a URL if anything resolved it. */
function templateHtml(canary: string): string {
  return [
    '<p>Beste {{contact.firstName}} {{contact.lastName}} van {{employer.name}} ({{employer.city}}),</p>',
    '<p>{{sender.name}} · {{sender.phone}} · {{wsp.name}}, {{wsp.postalAddress}}</p>',
    '<img src="file:///etc/passwd"><img src="cid:passwd"><link rel="stylesheet" href="/etc/passwd">',
    `<img src="${canary}/pixel.png"><img src="data:image/png;base64,iVBORw0KGgo=">`,
    '<a href="{{unsubscribeUrl}}">Afmelden</a>',
  ].join('\n');
}

function headerNames(message: SinkMessage): string[] {
  return [...message.parsed.headers.keys()].sort();
}

describe('Header and template injection through real mail', () => {
  let testApp: TestApp;
  let sink: SmtpSink;
  let canary: http.Server;
  let canaryUrl: string;
  let canaryHits = 0;
  let admin: TestUser;
  let db: DataSource;
  const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();

  beforeAll(async () => {
    sink = await startSmtpSink();
    canary = http.createServer((_, res) => {
      canaryHits++;
      res.end('x');
    });
    await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
    canaryUrl = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
    testApp = await startSecurityApp({ SMTP_URL: sink.url, INBOUND_DOMAIN: 'inbound.vliegwiel.test' });
    db = testApp.app.get(DataSource);
    admin = await createUser(testApp, { role: 'admin' });
  }, 120_000);

  afterAll(async () => {
    await testApp?.close();
    await sink?.close();
    await new Promise((resolve) => canary?.close(resolve));
  });

  /** A region (one per case) with a WSP, an employer, a contact and a sender, all carrying `text`. */
  async function hostileRegion(code: string, text: string) {
    const api = authed(testApp, admin.token);
    const [{ id: region }] = (await db.query('SELECT id FROM regions WHERE code = $1', [code])) as { id: string }[];
    const refused: string[] = [];
    // Through the API where it takes the value; straight into the table where it refuses it (old or
    // imported data must be just as harmless), and note which field the API refused.
    const sender = await createUser(testApp, { role: 'account_manager', regionCodes: [code], name: text });
    const wsp = await api
      .post('/api/organisations')
      .send({ kind: 'wsp', name: text, regionId: region, postalAddress: text });
    if (wsp.status !== 201) {
      refused.push('wsp');
      await db.query(`INSERT INTO organisations (region_id, kind, name, postal_address) VALUES ($1, 'wsp', $2, $2)`, [
        region,
        text,
      ]);
    }
    let employer = await api
      .post('/api/employers')
      .send({ name: text, kvkNumber: freshKvk(), regionId: region, city: text });
    if (employer.status !== 201) {
      refused.push('employer');
      employer = await api.post('/api/employers').send({ name: 'Bakkerij', kvkNumber: freshKvk(), regionId: region });
      await db.query(`UPDATE organisations SET name = $2, city = $2 WHERE id = $1`, [employer.body.id, text]);
    }
    const email = `piet.${code.toLowerCase()}@bakkerij.example`;
    let contact = await api
      .post(`/api/employers/${employer.body.id}/contacts`)
      .send({ firstName: text, lastName: text, email, emailBasis: 'consent', emailBasisSource: 'intake' });
    if (contact.status !== 201) {
      refused.push('contact');
      contact = await api
        .post(`/api/employers/${employer.body.id}/contacts`)
        .send({ lastName: 'Jansen', email, emailBasis: 'consent', emailBasisSource: 'intake' });
      await db.query(`UPDATE contacts SET first_name = $2, last_name = $2 WHERE id = $1`, [contact.body.id, text]);
    }
    await db.query(`UPDATE users SET phone = $2 WHERE id = $1`, [sender.id, text]);
    return {
      region,
      sender,
      employerId: employer.body.id as string,
      contactId: contact.body.id as string,
      email,
      refused,
    };
  }

  async function waitForRecipient(address: string, timeoutMs = 20_000): Promise<SinkMessage> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = sink.messages.find((m) => m.envelope.rcptTo.includes(address));
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`No message to ${address} arrived`);
  }

  /** The invariants of one delivered message. */
  function expectClean(message: SinkMessage, recipient: string, control: string[]) {
    expect(message.envelope.rcptTo).toEqual([recipient]);
    expect(
      message.parsed.to && !Array.isArray(message.parsed.to) ? message.parsed.to.value.map((v) => v.address) : [],
    ).toEqual([recipient]);
    expect(message.parsed.cc).toBeUndefined();
    expect(message.parsed.bcc).toBeUndefined();
    expect(headerNames(message)).toEqual(control);
    expect(message.parsed.attachments).toEqual([]);
    expect(message.raw.toString('latin1')).not.toMatch(/root:.*:0:0:/);
    const html = message.parsed.html || '';
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
  }

  it('should send every hostile value as inert text to the one intended recipient when a template is previewed and test-sent', async () => {
    const codes = (
      (await db.query(`SELECT code FROM regions WHERE code NOT IN ('AM25', 'AM01') ORDER BY code`)) as {
        code: string;
      }[]
    ).map((r) => r.code);
    // A plain message first: the header names every hostile message must match exactly.
    const plain = await hostileRegion(codes[0], 'Piet Jansen');
    const plainTemplate = await authed(testApp, plain.sender.token)
      .post('/api/templates')
      .send({
        regionId: plain.region,
        name: 'Gewoon',
        subject: 'Hallo {{contact.firstName}}',
        html: templateHtml(canaryUrl),
      })
      .expect(201);
    await authed(testApp, plain.sender.token)
      .post(`/api/templates/${plainTemplate.body.id}/test-send`)
      .send({ contactId: plain.contactId })
      .expect(202);
    const control = headerNames(await waitForRecipient(plain.sender.email));
    expect(control).toEqual(expect.arrayContaining(['from', 'to', 'subject', 'message-id']));

    const refusedByApi: string[] = [];
    const cases = Object.entries(HOSTILE);
    for (const [index, [name, text]] of cases.entries()) {
      const world = await hostileRegion(codes[index + 1], text);
      refusedByApi.push(...world.refused.map((field) => `${name}:${field}`));
      const api = authed(testApp, world.sender.token);
      let template = await api.post('/api/templates').send({
        regionId: world.region,
        name: `Sjabloon ${name}`,
        subject: `${text} {{contact.firstName}} {{employer.name}} {{sender.name}}`,
        html: `<p>${text.replace(/[{}]/g, '')}</p>\n${templateHtml(canaryUrl)}`,
        text: `${text}\n{{contact.firstName}} {{wsp.name}}`,
      });
      if (template.status !== 201) {
        // Refused as a template (e.g. braces that do not compile): still mail the hostile data.
        expect([400, 422]).toContain(template.status);
        refusedByApi.push(`${name}:template`);
        template = await api
          .post('/api/templates')
          .send({
            regionId: world.region,
            name: `Sjabloon ${name}`,
            subject: 'Hallo {{contact.firstName}}',
            html: templateHtml(canaryUrl),
          })
          .expect(201);
      }
      const preview = await api
        .post(`/api/templates/${template.body.id}/preview`)
        .send({ contactId: world.contactId })
        .expect(200);
      // Data is escaped; the template's own markup may hold no active content (422 above).
      expect(preview.body.html).not.toMatch(/<script|<[^>]*\son[a-z]+\s*=/i);
      expect(preview.body.subject).not.toMatch(/[\r\n]/);

      await api.post(`/api/templates/${template.body.id}/test-send`).send({ contactId: world.contactId }).expect(202);
      const message = await waitForRecipient(world.sender.email);
      expectClean(message, world.sender.email, control);
      expect(message.parsed.subject ?? '').not.toMatch(/[\r\n]/);
      if (name === 'handlebars') expect(message.parsed.html || '').toContain('{{sender.email}}');
      if (name === 'script') expect(message.parsed.html || '').toContain('&lt;script&gt;');
    }

    console.log(
      `mail injection: ${cases.length} hostile values × 11 fields → ${cases.length} test-sends, 0 extra headers or recipients; ` +
        `refused at the API: ${refusedByApi.join(', ') || 'none'}`,
    );
    expect(canaryHits).toBe(0);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 90_000);

  it('should refuse a test-send address when it holds a second recipient, a header or a quoted local part', async () => {
    const sender = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
    const [{ id: region }] = (await db.query(`SELECT id FROM regions WHERE code = 'AM25'`)) as { id: string }[];
    const template = await authed(testApp, sender.token)
      .post('/api/templates')
      .send({ regionId: region, name: 'Adres', subject: 'Hallo', html: '<p>Hallo</p>' })
      .expect(201);
    const before = sink.messages.length;
    const statuses: Record<string, number> = {};
    for (const to of [
      `a@b.example\r\nBcc: evil@${ATTACKER}`,
      `a@b.example\nBcc: evil@${ATTACKER}`,
      `"evil@${ATTACKER}"@b.example`,
      `a@b.example, evil@${ATTACKER}`,
      `Evil <evil@${ATTACKER}>`,
      `evil@${ATTACKER}>\r\nRCPT TO:<x@${ATTACKER}`,
      'jan@bäckerei.example',
      '',
    ]) {
      statuses[JSON.stringify(to)] = (
        await authed(testApp, sender.token).post(`/api/templates/${template.body.id}/test-send`).send({ to })
      ).status;
    }
    expect(Object.values(statuses).every((s) => s === 400)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(
      sink.messages
        .slice(before)
        .flatMap((m) => m.envelope.rcptTo)
        .filter((a) => a.includes(ATTACKER)),
    ).toEqual([]);
  }, 120_000);

  it('should refuse template code that reaches prototypes and leave Object.prototype untouched when it is previewed', async () => {
    const sender = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
    const [{ id: region }] = (await db.query(`SELECT id FROM regions WHERE code = 'AM25'`)) as { id: string }[];
    const api = authed(testApp, sender.token);
    const attempts = [
      '{{__proto__}}',
      '{{constructor.constructor "return process"}}',
      '{{#with __proto__}}{{polluted}}{{/with}}',
      '{{lookup this "constructor"}}',
      '{{#with "x" as |s|}}{{s.constructor.prototype.polluted}}{{/with}}',
      '{{contact.__proto__.polluted}}',
      '{{{contact.firstName}}}',
      '{{> (lookup . "constructor")}}',
    ];
    const outcomes: number[] = [];
    for (const html of attempts) {
      const created = await api
        .post('/api/templates')
        .send({ regionId: region, name: 'Proto', subject: 'Hallo', html });
      outcomes.push(created.status);
      if (created.status === 201) {
        const preview = await api.post(`/api/templates/${created.body.id}/preview`).send({});
        expect(preview.status).toBe(200);
        expect(preview.body.html).not.toMatch(/function|process|\[object/);
      } else {
        expect(created.status).toBe(422);
      }
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Every attempt that names a prototype path is refused outright.
    expect(outcomes.filter((s) => s === 201)).toEqual([]);
  }, 120_000);

  it('should send a campaign e-mail to exactly the contact when its contact, employer, sender and WSP are hostile', async () => {
    const codes = ((await db.query(`SELECT code FROM regions ORDER BY code DESC LIMIT 1`)) as { code: string }[]).map(
      (r) => r.code,
    );
    const text = `Piet\r\nBcc: evil@${ATTACKER} <script>x</script> {{sender.email}}`;
    const world = await hostileRegion(codes[0], text);
    const api = authed(testApp, world.sender.token);
    const template = await api
      .post('/api/templates')
      .send({
        regionId: world.region,
        name: 'Campagne',
        subject: 'Hallo {{contact.firstName}} van {{employer.name}}',
        html: templateHtml(canaryUrl),
      })
      .expect(201);
    const segment = await api
      .post('/api/segments')
      .send({ regionId: world.region, name: 'Alle', filter: { all: [] } })
      .expect(201);
    const campaign = await api
      .post('/api/campaigns')
      .send({
        name: 'Injectie',
        regionId: world.region,
        segmentId: segment.body.id,
        sendWindow: null,
        steps: [{ type: 'email', templateId: template.body.id }],
      })
      .expect(201);
    await api.post(`/api/campaigns/${campaign.body.id}/launch`).expect(202);
    const message = await waitForRecipient(world.email, 30_000);

    expect(message.envelope.rcptTo).toEqual([world.email]);
    expect(message.parsed.cc).toBeUndefined();
    expect(message.parsed.bcc).toBeUndefined();
    expect(message.parsed.attachments).toEqual([]);
    expect(message.parsed.subject ?? '').not.toMatch(/[\r\n]/);
    const names = headerNames(message);
    expect(
      names.filter(
        (n) =>
          !/^(from|to|subject|date|message-id|mime-version|content-type|content-transfer-encoding|list|list-unsubscribe|list-unsubscribe-post|reply-to|references|in-reply-to|auto-submitted|x-[a-z-]+)$/.test(
            n,
          ),
      ),
    ).toEqual([]);
    expect(names).not.toContain('bcc');
    expect(message.parsed.html || '').not.toMatch(/<script/i);
    expect(message.parsed.html || '').toContain('{{sender.email}}');
    expect(canaryHits).toBe(0);
  }, 60_000);
});
