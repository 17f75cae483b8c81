import { useReferenceData } from '../../reference-data';
import type { Template } from './template-model';
import { TemplateVersions } from './template-versions';

/** A template for those who may read but not change it (wsp_staff; national templates for non-admins). */
export function TemplateReadOnly({ template }: { template: Template }) {
  const reference = useReferenceData();
  return (
    <>
      <div className="page-head">
        <h1 id="template-title">{template.name}</h1>
        <p className="muted">Versie {template.version} · alleen lezen</p>
      </div>
      <div className="card">
        <dl className="details">
          <dt>Regio</dt>
          <dd>{template.regionId === null ? 'Landelijk' : reference.regionName(template.regionId)}</dd>
          <dt>Onderwerp</dt>
          <dd>{template.subject}</dd>
        </dl>
        <h2 className="source-title">HTML-tekst</h2>
        <pre className="source-view" tabIndex={0} aria-label="HTML-tekst van het sjabloon">
          {template.html}
        </pre>
        <h2 className="source-title">Platte tekst</h2>
        {template.text ? (
          <pre className="source-view" tabIndex={0} aria-label="Platte tekst van het sjabloon">
            {template.text}
          </pre>
        ) : (
          <p className="muted">Wordt uit de HTML gemaakt.</p>
        )}
      </div>
      <TemplateVersions templateId={template.id} tick={0} />
    </>
  );
}
