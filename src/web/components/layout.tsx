import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import type { DirectoryArea } from '../../contracts/directory.js';
import { webPaths } from '../../contracts/web-paths.js';
import { getJson } from '../api.js';

/** The area this installation serves; the demo area is fictional and every page says so. */
function useArea() {
  return useQuery({
    queryKey: ['directory', 'area'],
    queryFn: ({ signal }) => getJson<DirectoryArea>('/api/directory/area', signal),
    staleTime: Number.POSITIVE_INFINITY,
  }).data;
}

function Header() {
  return (
    <header className="nhsuk-header">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <Link className="nhsuk-header__service-name" to={webPaths.home}>
            Lantern
          </Link>
        </div>
      </div>
    </header>
  );
}

function Footer({ isDemo }: { isDemo: boolean }) {
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          <h2 className="nhsuk-u-visually-hidden">Support links</h2>
          <ul className="nhsuk-footer__list">
            <li className="nhsuk-footer__list-item">
              <Link className="nhsuk-footer__list-item-link" to={webPaths.helpNow}>
                Get help now
              </Link>
            </li>
            <li className="nhsuk-footer__list-item">
              <Link className="nhsuk-footer__list-item-link" to={webPaths.accessibility}>
                Accessibility statement
              </Link>
            </li>
            <li className="nhsuk-footer__list-item">
              <Link className="nhsuk-footer__list-item-link" to={webPaths.staffHome}>
                Staff sign in
              </Link>
            </li>
            <li className="nhsuk-footer__list-item">
              <a className="nhsuk-footer__list-item-link" href="/api/docs/">
                API documentation
              </a>
            </li>
          </ul>
          <p className="nhsuk-body-s">
            Lantern is open-source software.{isDemo && ' The area, schools and people shown are made up.'}
          </p>
        </div>
      </div>
    </footer>
  );
}

/**
 * The frame of every page. After moving to another page, focus goes to the main content so that
 * screen reader and keyboard users start at the top of the new page, as on a full page load.
 */
export function Layout({ children }: { children: ReactNode }) {
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const isDemo = useArea()?.isFictional === true;
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    main.current?.focus();
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <>
      <a className="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <Header />
      {isDemo && (
        <aside className="lantern-demo-banner" aria-label="About this site">
          <div className="nhsuk-width-container">
            <p>This is a demonstration. The area, services and phone numbers are made up.</p>
          </div>
        </aside>
      )}
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper lantern-main" id="maincontent" tabIndex={-1} ref={main}>
          {children}
        </main>
      </div>
      <Footer isDemo={isDemo} />
    </>
  );
}

/** Sets the page title in the GOV.UK/NHS.UK pattern: "Page – Lantern". */
export function PageTitle({ title, hasError = false }: { title: string; hasError?: boolean }) {
  return <title>{`${hasError ? 'Error: ' : ''}${title} – Lantern`}</title>;
}

export function BackLink({ to, children = 'Back' }: { to: string; children?: ReactNode }) {
  return (
    <div className="nhsuk-back-link">
      <Link className="nhsuk-back-link__link" to={to}>
        {children}
      </Link>
    </div>
  );
}

/** A one-column page that only tells the reader something, such as a link that no longer works. */
export function MessagePage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title={title} />
        <h1>{title}</h1>
        {children}
      </div>
    </div>
  );
}
