import { Placeholder } from '../placeholder';

/** Stub: replaced by the screen of issue 10. */
export function TemplateEditor(_props: { id?: string }) {
  return <Placeholder title="Sjabloon" />;
}
