import Handlebars from 'handlebars';
import { TemplateVariables } from './template-variables';
import { StoryExcerpt } from './template.types';

const escape = (value: string): string => Handlebars.Utils.escapeExpression(value);
const paragraphs = (value: string): string => escape(value).replace(/\r?\n/g, '<br>');

// Shown rather than left out: a message must name its sender truly, so a gap has to be visible in previews.
const MISSING_WSP = '[naam van het werkgeversservicepunt ontbreekt]';
const MISSING_ADDRESS = '[postadres ontbreekt]';

/**
 * The footer every message gets, whatever its template holds (domain.md "Rules for outreach email"):
 * the WSP's name and postal address and the unsubscribe link.
 */
export function footerHtml(variables: TemplateVariables): string {
  const name = escape(variables.wsp.name ?? MISSING_WSP);
  const address = escape(variables.wsp.postalAddress ?? MISSING_ADDRESS);
  const url = escape(variables.unsubscribeUrl);
  return (
    `<div class="vw-footer" style="margin-top:24px;padding-top:12px;border-top:1px solid #ddd;font-size:12px;color:#666">` +
    `<p style="margin:0 0 4px">${name} &middot; ${address}</p>` +
    `<p style="margin:0">Wilt u geen e-mail meer van ons ontvangen? <a href="${url}">Afmelden</a></p></div>`
  );
}

export function footerText(variables: TemplateVariables): string {
  const name = variables.wsp.name ?? MISSING_WSP;
  const address = variables.wsp.postalAddress ?? MISSING_ADDRESS;
  return `-- \n${name}, ${address.replace(/\r?\n/g, ', ')}\nWilt u geen e-mail meer van ons ontvangen? Afmelden: ${variables.unsubscribeUrl}`;
}

/** Before `</body>` when the template is a whole document, else at the end. */
export function appendFooter(html: string, footer: string): string {
  const close = html.toLowerCase().lastIndexOf('</body>');
  return close === -1 ? `${html}\n${footer}` : `${html.slice(0, close)}${footer}\n${html.slice(close)}`;
}

/** `{{> story}}` in the HTML part: title, summary and quote, escaped; nothing without a story. */
export function storyHtml(story: StoryExcerpt | null): string {
  if (!story) return '';
  const quote = story.quote
    ? `<blockquote style="margin:8px 0;padding-left:12px;border-left:3px solid #ccc">&ldquo;${paragraphs(story.quote)}&rdquo; &mdash; ${escape(story.employerName)}</blockquote>`
    : '';
  return `<div class="vw-story"><p><strong>${escape(story.title)}</strong></p><p>${paragraphs(story.summary)}</p>${quote}</div>`;
}

/** `{{> story}}` in a plain-text part. */
export function storyText(story: StoryExcerpt | null): string {
  if (!story) return '';
  const quote = story.quote ? `\n“${story.quote}” — ${story.employerName}` : '';
  return `${story.title}\n${story.summary}${quote}`;
}
