import { compile } from 'html-to-text';
import { headerText, singleLine } from '@app/core';
import { RenderData } from './template-environment';
import { CompiledTemplate } from './template-compiler';
import { appendFooter, footerHtml, footerText, storyHtml, storyText } from './message-parts';
import { RenderContext, RenderedMessage } from './template.types';

/** Compiled once: html-to-text builds its selector tree per call otherwise, a large share of a send's CPU. */
const htmlToText = compile({
  wordwrap: 78,
  selectors: [
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    { selector: 'img', format: 'skip' },
  ],
});

/**
 * One message from a compiled version: the subject as a single line of header text (headerText), the HTML part escaped
 * with the footer added, and the plain-text part from the template's text or else generated from the
 * HTML, with the same footer in text.
 */
export function renderTemplate(compiled: CompiledTemplate, context: RenderContext): RenderedMessage {
  const data: RenderData = { now: context.now };
  const { variables, story } = context;
  // Cleaned as the mail transport cleans it, so the preview shows the subject that is sent.
  const subject = headerText(singleLine(compiled.subject(variables, { data, partials: {} })).replace(/\s{2,}/g, ' '));
  const body = compiled.html(variables, { data, partials: { story: () => storyHtml(story) } });
  const textBody = compiled.text
    ? compiled.text(variables, { data, partials: { story: () => storyText(story) } })
    : htmlToText(body);
  return {
    subject,
    html: appendFooter(body, footerHtml(variables)),
    text: `${textBody.trim()}\n\n${footerText(variables)}\n`,
  };
}
