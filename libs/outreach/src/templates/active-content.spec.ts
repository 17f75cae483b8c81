import { activeContentProblems } from './active-content';

describe('activeContentProblems', () => {
  it('should find nothing when the HTML is ordinary e-mail markup with variables, images and links', () => {
    const html = [
      '<html><head><meta charset="utf-8"></head><body>',
      '<p style="color:#333">Beste {{contact.firstName}},</p>',
      '<img src="https://wsp.example/logo.png" alt="logo"><a href="{{unsubscribeUrl}}">Afmelden</a>',
      '<p>Online informatie: zie de website</p></body></html>',
    ].join('\n');
    expect(activeContentProblems(html)).toEqual([]);
  });

  it('should name the line of each script, frame, form and refresh when the HTML holds them', () => {
    const html =
      '<p>a</p>\n<script>x()</script>\n<IFRAME src="https://x.example">\n<form action="/x">\n<meta http-equiv="refresh" content="0">';
    expect(activeContentProblems(html).map((p) => [p.line, p.problem.slice(0, 9)])).toEqual([
      [2, '<script> '],
      [3, '<iframe> '],
      [4, '<form> is'],
      [5, '<meta htt'],
    ]);
  });

  it('should find event handlers and script URLs when a Handlebars expression splits them', () => {
    expect(activeContentProblems('<img src=x on{{contact.firstName}}error=alert(1)>')).toHaveLength(1);
    expect(activeContentProblems('<a href="javascript:alert(1)">x</a>')).toEqual([
      expect.objectContaining({ field: 'html', line: 1, problem: expect.stringContaining('script URLs') }),
    ]);
    expect(activeContentProblems("<a href = ' JavaScript:alert(1)'>x</a>")).toHaveLength(1);
    expect(activeContentProblems('<img/onload=alert(1)>')).toHaveLength(1);
    expect(activeContentProblems('<a href="https://wsp.example/online=1&amp;onderwerp=x">x</a>')).toEqual([]);
  });

  it.each([
    ['a slash after a quoted value', '<img src="x"/onerror=alert(1)>'],
    ['a space and slash before the handler', '<img src=x /onerror=alert(1)>'],
    ['an entity-encoded scheme', '<a href="&#106;avascript:alert(1)">x</a>'],
    ['an encoded tab inside the scheme', '<a href="java&#x09;script:alert(1)">x</a>'],
    ['a literal tab inside the scheme', '<a href="java\tscript:alert(1)">x</a>'],
    ['a newline and hex entity in the scheme', '<a href="&#x6A;ava\nscript:alert(1)">x</a>'],
    ['an expression joining a value to a handler', '<img src=x{{contact.firstName}}onerror=alert(1)>'],
    ['a data:text/html link with spaces', '<a href=" data: text/html;base64,PHNjcmlwdD4=">x</a>'],
    ['an upper-case vbscript form action', '<button formaction="VBScript:x">x</button>'],
    ['an svg xlink:href', '<svg><a xlink:href="javascript:alert(1)">x</a></svg>'],
  ])('should refuse the template when active content hides behind %s', (_, html) => {
    expect(activeContentProblems(html).length).toBeGreaterThanOrEqual(1);
  });

  it('should keep ordinary attributes that merely start with "on" in a value or end in a handler-like word', () => {
    expect(activeContentProblems('<a title="onclick=1" href="https://x.example/?q=javascript:">x</a>')).toEqual([]);
    expect(activeContentProblems('<p data-action="x">{{contact.firstName}} online</p>')).toEqual([]);
  });

  it('should keep line numbers when an expression spans lines', () => {
    expect(activeContentProblems('{{#if\ncontact.firstName}}\n<script></script>{{/if}}')[0].line).toBe(3);
  });
});
