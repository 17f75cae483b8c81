import { Placeholder } from '../placeholder';

/** Stub: replaced by the screen of issue 10. */
export function TemplateList(_props: { id?: string }) {
  return <Placeholder title="Sjablonen" />;
}
