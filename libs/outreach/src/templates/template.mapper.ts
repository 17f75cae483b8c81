import {
  TemplateRecord,
  TemplateResponse,
  TemplateSummary,
  TemplateVersionRecord,
  TemplateVersionResponse,
} from './template.types';

export function toResponse(template: TemplateRecord): TemplateResponse {
  return {
    id: template.id,
    regionId: template.regionId,
    name: template.name,
    version: template.version,
    subject: template.subject,
    html: template.html,
    text: template.text,
    createdBy: template.createdBy,
    createdAt: template.createdAt.toISOString(),
    updatedAt: template.updatedAt.toISOString(),
  };
}

export function toSummary(template: TemplateRecord): TemplateSummary {
  const { html: _html, text: _text, ...summary } = toResponse(template);
  return summary;
}

export function toVersionResponse(version: TemplateVersionRecord): TemplateVersionResponse {
  return {
    templateId: version.templateId,
    version: version.version,
    subject: version.subject,
    html: version.html,
    text: version.text,
    createdBy: version.createdBy,
    createdAt: version.createdAt.toISOString(),
  };
}
