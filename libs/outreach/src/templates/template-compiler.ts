import { Injectable } from '@nestjs/common';
import { compileOptions, createTemplateEnvironment } from './template-environment';
import { TemplateSource } from './template.types';

/** A version's three parts, compiled; `usesStory` tells the context builder whether to look a story up. */
export interface CompiledTemplate {
  subject: HandlebarsTemplateDelegate;
  html: HandlebarsTemplateDelegate;
  text: HandlebarsTemplateDelegate | null;
  usesStory: boolean;
}

const STORY = /\{\{~?\s*>\s*story\b/;

/** Compiles validated sources in one isolated Handlebars environment with our helpers. */
@Injectable()
export class TemplateCompiler {
  private readonly env = createTemplateEnvironment();

  compile(source: TemplateSource): CompiledTemplate {
    return {
      subject: this.env.compile(source.subject, compileOptions('subject')),
      html: this.env.compile(source.html, compileOptions('html')),
      text: source.text === null ? null : this.env.compile(source.text, compileOptions('text')),
      usesStory: STORY.test(source.html) || (source.text !== null && STORY.test(source.text)),
    };
  }
}
