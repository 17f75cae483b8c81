import { Link, useLocation } from '../../router';

const TABS: [string, string][] = [
  ['/campagnes', 'Campagnes'],
  ['/campagnes/sjablonen', 'Sjablonen'],
  ['/campagnes/segmenten', 'Segmenten'],
  ['/campagnes/blokkeerlijst', 'Blokkeerlijst'],
];

/** The outreach screens share one main-menu entry (Campagnes); this second row leads to each of them. */
export function OutreachNav() {
  const { pathname } = useLocation();
  const current = (to: string) =>
    to === '/campagnes'
      ? !TABS.slice(1).some(([other]) => pathname === other || pathname.startsWith(`${other}/`))
      : pathname === to || pathname.startsWith(`${to}/`);
  return (
    <nav aria-label="Campagnes en toebehoren" className="sub-nav">
      <ul>
        {TABS.map(([to, label]) => (
          <li key={to}>
            <Link to={to} aria-current={current(to) ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
