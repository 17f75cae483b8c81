import { headerText } from '@app/core';
import { renderTemplate } from './render-template';
import { TemplateCompiler } from './template-compiler';
import { TemplateVariables } from './template-variables';
import { RenderContext, TemplateSource } from './template.types';

const variables = (overrides: Partial<TemplateVariables> = {}): TemplateVariables => ({
  contact: { firstName: 'Piet', lastName: 'Jansen' },
  employer: { name: 'Bakkerij Jansen', city: 'Zaandam' },
  region: { name: 'Zaanstreek/Waterland' },
  sender: { name: 'Anna de Vries', email: 'anna@wsp.example', phone: '+31201234567' },
  wsp: { name: 'WSP Zaanstreek', postalAddress: 'Postbus 1, 1500 AA Zaandam' },
  unsubscribeUrl: 'https://crm.example/u/tok123',
  ...overrides,
});

const context = (overrides: Partial<RenderContext> = {}): RenderContext => ({
  variables: variables(),
  story: null,
  now: new Date('2027-03-02T23:30:00Z'),
  ...overrides,
});

const render = (source: Partial<TemplateSource>, ctx: RenderContext = context()) =>
  renderTemplate(
    new TemplateCompiler().compile({ subject: 'Onderwerp', html: '<p>Hallo</p>', text: null, ...source }),
    ctx,
  );

describe('renderTemplate', () => {
  it('should HTML-escape a value when a contact name holds a script tag', () => {
    const ctx = context({
      variables: variables({ contact: { firstName: '<script>alert(1)</script>', lastName: 'X' } }),
    });
    const { html, text } = render({ html: '<p>Beste {{contact.firstName}},</p>' }, ctx);

    expect(html).toContain('Beste &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(html).not.toContain('<script>');
    expect(text).toContain('Beste <script>alert(1)</script>,');
  });

  it('should keep the subject as one line of plain text when a value holds markup or line breaks', () => {
    const ctx = context({ variables: variables({ employer: { name: 'A & B\r\nBcc: x@y.example', city: null } }) });
    expect(render({ subject: 'Voor {{employer.name}}' }, ctx).subject).toBe('Voor A & B Bcc: x@y.example');
  });

  it('should break an encoded word in the subject as the mail transport does when a value smuggles one', () => {
    const ctx = context({ variables: variables({ employer: { name: 'Bakkerij =?utf-8?B?QmNjOg==?=', city: null } }) });
    const { subject } = render({ subject: 'Voor {{employer.name}} =? vraag' }, ctx);

    expect(subject).toBe('Voor Bakkerij = ?utf-8?B?QmNjOg==?= =? vraag');
    expect(headerText(subject)).toBe(subject);
  });

  it('should append the footer with name, address and unsubscribe link when the template has none', () => {
    const { html, text } = render({ html: '<p>Hallo</p>' });

    expect(html).toMatch(/^<p>Hallo<\/p>\n<div class="vw-footer"/);
    expect(html).toContain('WSP Zaanstreek &middot; Postbus 1, 1500 AA Zaandam');
    expect(html).toContain('<a href="https://crm.example/u/tok123">Afmelden</a>');
    expect(text).toContain('WSP Zaanstreek, Postbus 1, 1500 AA Zaandam');
    expect(text).toContain('Afmelden: https://crm.example/u/tok123');
  });

  it('should add the footer as well when the template already shows the unsubscribe link', () => {
    const { html } = render({ html: '<html><body><p><a href="{{unsubscribeUrl}}">uit</a></p></body></html>' });
    expect(html.indexOf('vw-footer')).toBeGreaterThan(html.indexOf('>uit</a>'));
    expect(html.indexOf('vw-footer')).toBeLessThan(html.indexOf('</body>'));
  });

  it('should show a visible gap in the footer when the region has no WSP organisation', () => {
    const ctx = context({ variables: variables({ wsp: { name: null, postalAddress: null } }) });
    expect(render({}, ctx).html).toContain('[naam van het werkgeversservicepunt ontbreekt]');
  });

  it('should generate the text part from the HTML when the template has no text', () => {
    const { text } = render({
      html: '<h1>Welkom</h1><p>Beste {{contact.firstName}}, kijk op <a href="https://wsp.example">onze site</a>.</p>',
    });
    expect(text).toMatch(/^WELKOM\n\nBeste Piet, kijk op onze site \[https:\/\/wsp\.example\]\./);
    expect(text).not.toContain('<p>');
  });

  it('should use the template text unescaped when one is given', () => {
    const ctx = context({ variables: variables({ employer: { name: 'Jansen & Zn', city: null } }) });
    const { text } = render({ text: 'Beste {{contact.firstName}} van {{employer.name}}' }, ctx);
    expect(text).toMatch(/^Beste Piet van Jansen & Zn\n\n-- \n/);
  });

  it('should render the usable story, escaped, when the template has the story partial', () => {
    const story = {
      title: 'Van leerbaan <naar> baan',
      summary: 'Twee kandidaten.',
      quote: 'Top!',
      employerName: 'Smit BV',
    };
    const { html, text } = render({ html: '<p>Intro</p>{{> story}}', text: 'Intro\n{{> story}}' }, context({ story }));

    expect(html).toContain('<strong>Van leerbaan &lt;naar&gt; baan</strong>');
    expect(html).toContain('&ldquo;Top!&rdquo; &mdash; Smit BV');
    expect(text).toContain('Van leerbaan <naar> baan\nTwee kandidaten.\n“Top!” — Smit BV');
  });

  it('should render nothing for the story partial when no story is usable', () => {
    const { html } = render({ html: '<p>Intro</p>{{> story}}<p>Einde</p>' });
    expect(html).toMatch(/^<p>Intro<\/p><p>Einde<\/p>/);
  });

  it('should format dates in Dutch for Amsterdam when formatDate is used', () => {
    const { html } = render({ html: '{{formatDate}} | {{formatDate "2027-04-27"}}' });
    expect(html).toMatch(/^3 maart 2027 \| 27 april 2027/);
  });

  it('should run if, each, with and eq when a template uses them', () => {
    const { html } = render({
      html: '{{#with contact}}{{firstName}}{{/with}}|{{#each wsp}}[{{@key}}]{{/each}}|{{#if (eq employer.city "Zaandam")}}Z{{else}}N{{/if}}|{{#unless region.name}}-{{else}}R{{/unless}}',
    });
    expect(html).toMatch(/^Piet\|\[name\]\[postalAddress\]\|Z\|R/);
  });
});
