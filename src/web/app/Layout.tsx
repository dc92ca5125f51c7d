/** The desk's frame: skip link, header (banner), folders (navigation) and the page (main). */
import { Outlet, useLocation } from 'react-router-dom';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { DeskNav } from '../features/desk/DeskNav.tsx';
import { Header } from './Header.tsx';

export function Layout() {
  const { pathname } = useLocation();
  return (
    <div className="app">
      <a href="#main" className="skip-link">
        Hoppa till innehållet
      </a>
      <Header />
      <div className="app__body">
        <DeskNav />
        <main id="main" className="app__main" tabIndex={-1}>
          {/* A new address gets a fresh boundary, so one broken page does not break the next. */}
          <ErrorBoundary key={pathname} inline>
            <Outlet />
          </ErrorBoundary>
        </main>
      </div>
    </div>
  );
}

/** Pages outside the desk (sign-in, choice of position) still get a banner and a main. */
export function PlainLayout() {
  return (
    <div className="app app--plain">
      <a href="#main" className="skip-link">
        Hoppa till innehållet
      </a>
      <header className="app-header app-header--plain">
        <span className="app-header__brand">Vardag</span>
      </header>
      <main id="main" className="app__main app__main--plain" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
