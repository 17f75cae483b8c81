/**
 * A horizontal bar in plain SVG (attributes, no inline style: the Content-Security-Policy allows
 * none). Decorative: the figure it stands for is always printed next to it.
 */
export function Bar({ length, tone = 'brand' }: { length: number; tone?: 'brand' | 'ok' }) {
  return (
    <svg
      className={`bar bar-${tone}`}
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect className="bar-track" width="100" height="10" />
      <rect className="bar-fill" width={length} height="10" />
    </svg>
  );
}
