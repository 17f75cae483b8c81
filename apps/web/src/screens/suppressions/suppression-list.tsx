import { Placeholder } from '../placeholder';

/** Stub: replaced by the screen of issue 10. */
export function SuppressionList(_props: { id?: string }) {
  return <Placeholder title="Blokkeerlijst" />;
}
