import { useEffect, useRef, type ReactNode } from 'react';
import { can, ROLE_LABELS } from './auth/permissions';
import { SessionProvider, useSession, useUser } from './auth/session';
import { ReferenceDataProvider } from './reference-data';
import { Link, matchPath, navigate, useLocation } from './router';
import { EmployerList } from './screens/employer-list';
import { EmployerPage } from './screens/employer-page';
import { ImportScreen } from './screens/import-screen';
import { MyTasks } from './screens/my-tasks';
import { OrganisationList, OrganisationPage } from './screens/organisations';
import { PipelineBoard } from './screens/pipeline-board';
import { CampaignBuilder } from './screens/campaigns/campaign-builder';
import { CampaignList } from './screens/campaigns/campaign-list';
import { CampaignMonitor } from './screens/campaigns/campaign-monitor';
import { Dashboard } from './screens/dashboard/dashboard';
import { SegmentEditor } from './screens/segments/segment-editor';
import { SegmentList } from './screens/segments/segment-list';
import { SuppressionList } from './screens/suppressions/suppression-list';
import { TemplateEditor } from './screens/templates/template-editor';
import { TemplateList } from './screens/templates/template-list';
import { SignIn } from './screens/sign-in';
import { UsersScreen } from './screens/users';
import { ErrorBoundary } from './ui/status';

export function App() {
  return (
    <SessionProvider>
      <Root />
    </SessionProvider>
  );
}

function Root() {
  const { user } = useSession();
  if (!user) return <SignIn />;
  return (
    <ReferenceDataProvider>
      <Shell />
    </ReferenceDataProvider>
  );
}

interface Route {
  path: string;
  title: string;
  render: (params: Record<string, string>) => ReactNode;
}

const ROUTES: Route[] = [
  { path: '/werkgevers', title: 'Werkgevers', render: () => <EmployerList /> },
  { path: '/werkgevers/:id', title: 'Werkgever', render: (p) => <EmployerPage key={p.id} id={p.id} /> },
  { path: '/pijplijn', title: 'Pijplijn', render: () => <PipelineBoard /> },
  { path: '/organisaties', title: 'Organisaties', render: () => <OrganisationList /> },
  { path: '/organisaties/:id', title: 'Organisatie', render: (p) => <OrganisationPage key={p.id} id={p.id} /> },
  { path: '/taken', title: 'Mijn taken', render: () => <MyTasks /> },
  { path: '/import', title: 'Import', render: () => <ImportScreen /> },
  // Static outreach paths before `/campagnes/:id`: the first match wins. `nieuw` is the new record's id.
  { path: '/campagnes', title: 'Campagnes', render: () => <CampaignList /> },
  { path: '/campagnes/nieuw', title: 'Nieuwe campagne', render: () => <CampaignBuilder /> },
  { path: '/campagnes/sjablonen', title: 'Sjablonen', render: () => <TemplateList /> },
  { path: '/campagnes/sjablonen/:id', title: 'Sjabloon', render: (p) => <TemplateEditor key={p.id} id={p.id} /> },
  { path: '/campagnes/segmenten', title: 'Segmenten', render: () => <SegmentList /> },
  { path: '/campagnes/segmenten/:id', title: 'Segment', render: (p) => <SegmentEditor key={p.id} id={p.id} /> },
  { path: '/campagnes/blokkeerlijst', title: 'Blokkeerlijst', render: () => <SuppressionList /> },
  {
    path: '/campagnes/:id/bewerken',
    title: 'Campagne opzetten',
    render: (p) => <CampaignBuilder key={p.id} id={p.id} />,
  },
  { path: '/campagnes/:id', title: 'Campagne', render: (p) => <CampaignMonitor key={p.id} id={p.id} /> },
  { path: '/dashboard', title: 'Dashboard', render: () => <Dashboard /> },
  { path: '/gebruikers', title: 'Gebruikers', render: () => <UsersScreen /> },
];

function Shell() {
  const user = useUser();
  const { signOut } = useSession();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);

  useEffect(() => {
    if (pathname === '/' || pathname === '/inloggen') navigate('/werkgevers', { replace: true });
  }, [pathname]);

  let route: Route | undefined;
  let params: Record<string, string> = {};
  for (const candidate of ROUTES) {
    const match = matchPath(candidate.path, pathname);
    if (match) {
      route = candidate;
      params = match;
      break;
    }
  }

  // A new screen: tell screen readers by moving focus to the main region and naming the page.
  useEffect(() => {
    document.title = `${route?.title ?? 'Niet gevonden'} · Vliegwiel`;
    main.current?.focus({ preventScroll: true });
  }, [pathname, route?.title]);

  const links = [
    ['/werkgevers', 'Werkgevers'],
    ['/pijplijn', 'Pijplijn'],
    ['/organisaties', 'Organisaties'],
    ['/taken', 'Taken'],
    ['/import', 'Import'],
    ['/campagnes', 'Campagnes'],
    ['/dashboard', 'Dashboard'],
    ...(can.manageUsers(user.role) ? [['/gebruikers', 'Gebruikers']] : []),
  ];
  const allowed = route && (route.path !== '/gebruikers' || can.manageUsers(user.role));

  return (
    <>
      <a className="skip-link" href="#main">
        Naar de inhoud
      </a>
      <header className="top">
        <Link to="/werkgevers" className="brand">
          Vliegwiel
        </Link>
        <nav aria-label="Hoofdmenu">
          <ul>
            {links.map(([to, label]) => {
              const current = pathname === to || pathname.startsWith(`${to}/`);
              return (
                <li key={to}>
                  <Link to={to} aria-current={current ? 'page' : undefined}>
                    {label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="who">
          <span>
            {user.name} <span className="muted">· {ROLE_LABELS[user.role]}</span>
          </span>
          {user.role === 'admin' && <a href="/admin/queues">Wachtrijen</a>}
          <button type="button" className="secondary small" onClick={signOut}>
            Uitloggen
          </button>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <ErrorBoundary resetKey={pathname}>
          {allowed && route ? (
            route.render(params)
          ) : (
            <section>
              <h1>Niet gevonden</h1>
              <p>
                Deze pagina bestaat niet of is niet voor jouw rol. <Link to="/werkgevers">Naar de werkgevers</Link>
              </p>
            </section>
          )}
        </ErrorBoundary>
      </main>
    </>
  );
}
