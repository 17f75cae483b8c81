import type { UnsubscribeView } from './unsubscribe.service';

const escape = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#222}
button{font-size:1rem;padding:.6rem 1.2rem;cursor:pointer}</style></head>
<body>${body}</body></html>`;
}

/** The GET page: asks to confirm; the form posts back to the same address (no cookie, no script). */
export function confirmPage(view: UnsubscribeView): string {
  return page(
    'Afmelden',
    `<h1>Afmelden</h1>
<p>Wilt u geen e-mail meer ontvangen van ${escape(view.senderName)} op ${escape(view.maskedEmail)}?</p>
<form method="post"><button type="submit">Ja, meld mij af</button></form>`,
  );
}

export function donePage(view: UnsubscribeView): string {
  return page(
    'Afgemeld',
    `<h1>U bent afgemeld</h1>
<p>${escape(view.maskedEmail)} ontvangt geen e-mail meer van ${escape(view.senderName)}.</p>`,
  );
}
