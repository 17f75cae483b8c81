import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ErrorMessage, Loading } from '../../ui/status';
import { useApi } from '../../ui/use-api';
import { useMutation } from '../../ui/use-mutation';
import { ContactPicker, type PickedContact } from './contact-picker';
import { CompileProblems } from './compile-problems';
import type { RenderedMessage, SourceField, TestSendAccepted } from './template-model';
import { sourceProblems } from './template-source';
import { useDebounced } from '../../ui/use-debounced';

export interface Draft {
  subject: string;
  html: string;
  text: string;
}

type Width = 'desktop' | 'narrow';

/**
 * The message as the api renders it for a chosen contact, following the editor's unsaved draft
 * (debounced), as HTML in a sandboxed frame (no scripts, no same-origin access) and as plain text;
 * plus a test send of the saved version to the user's own address.
 */
export function TemplatePreview({
  templateId,
  regionId,
  draft,
  dirty,
  onJump,
}: {
  templateId: string;
  /** The template's region (null: national), where the contact is searched. */
  regionId: string | null;
  draft: Draft;
  /** Unsaved changes: the test mail uses the saved version, so it waits for a save. */
  dirty: boolean;
  onJump: (field: SourceField, line: number) => void;
}) {
  const [contact, setContact] = useState<PickedContact | null>(null);
  const [width, setWidth] = useState<Width>('desktop');
  const request = useDebounced(JSON.stringify({ contactId: contact?.id, ...draft }), 500);
  const preview = useApi(() => {
    const body = JSON.parse(request) as { contactId?: string } & Draft;
    return unwrap<RenderedMessage>(
      api.POST('/api/templates/{id}/preview', {
        params: { path: { id: templateId } },
        body: { contactId: body.contactId, subject: body.subject, html: body.html, text: body.text || null },
      }),
    );
  }, `${templateId}:${request}`);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const testSend = useMutation(async () => {
    setSentTo(null);
    const accepted = await unwrap<TestSendAccepted>(
      api.POST('/api/templates/{id}/test-send', {
        params: { path: { id: templateId } },
        body: { contactId: contact?.id },
      }),
    );
    setSentTo(accepted.to);
  });

  const problems = preview.error ? sourceProblems(preview.error.details) : [];
  return (
    <section className="card template-preview" aria-labelledby="preview-title">
      <h2 id="preview-title">Voorbeeld</h2>
      <ContactPicker regionId={regionId} onPick={setContact} />
      <div className="inline preview-tools" role="group" aria-label="Breedte van het voorbeeld">
        <span className="muted small">Breedte:</span>
        <button
          type="button"
          className="secondary small"
          aria-pressed={width === 'desktop'}
          onClick={() => setWidth('desktop')}
        >
          Bureaublad
        </button>
        <button
          type="button"
          className="secondary small"
          aria-pressed={width === 'narrow'}
          onClick={() => setWidth('narrow')}
        >
          Smal (375 px)
        </button>
        <span className="muted small push-right" aria-live="polite">
          {preview.loading ? 'Bijwerken…' : contact ? `Voor ${contact.name}` : 'Met voorbeeldwaarden'}
        </span>
      </div>
      {problems.length > 0 ? (
        <CompileProblems title="Het voorbeeld is niet bijgewerkt" problems={problems} onJump={onJump} />
      ) : (
        <ErrorMessage error={preview.error} onRetry={preview.reload} />
      )}
      {!preview.data && !preview.error && <Loading label="Voorbeeld maken…" />}
      {preview.data && (
        <div aria-busy={preview.loading}>
          <p className="preview-subject">
            <span className="muted">Onderwerp:</span> <strong>{preview.data.subject}</strong>
          </p>
          <div className={`preview-frame-wrap ${width}`}>
            <iframe
              className="preview-frame"
              title="Voorbeeld van de e-mail (HTML)"
              sandbox=""
              srcDoc={preview.data.html}
            />
          </div>
          <h3 className="preview-text-title">Platte tekst</h3>
          <pre className="preview-text" tabIndex={0} aria-label="Voorbeeld van de e-mail (platte tekst)">
            {preview.data.text}
          </pre>
        </div>
      )}
      <div className="test-send">
        <button type="button" disabled={dirty || testSend.pending} onClick={() => void testSend.run()}>
          Stuur mij een test
        </button>
        {dirty && <p className="hint">Sla eerst op: de test gebruikt de opgeslagen versie.</p>}
        <ErrorMessage error={testSend.error} />
        <p role="status" className={sentTo ? 'alert success' : 'visually-hidden'}>
          {sentTo ? `Testbericht verstuurd naar ${sentTo}` : ''}
        </p>
      </div>
    </section>
  );
}
