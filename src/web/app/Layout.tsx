/**
 * The desk's frame: skip link, header (banner), folders (navigation) and the page (main). Below a
 * tablet's width the folders fold away behind a Meny button (a disclosure), so a phone shows the page
 * first; going to another page folds them away again.
 */
import { useState } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { DeskNav } from '../features/desk/DeskNav.tsx';
import { Header } from './Header.tsx';

export function Layout() {
  const { pathname } = useLocation();
  // Open for the page it was opened on only: a new address closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const isMenuOpen = openOn === pathname;
  return (
    <div className="app">
      <a href="#main" className="skip-link">
        Hoppa till innehållet
      </a>
      <Header />
      <div className="app__body">
        <button
          type="button"
          className="app__menu-button"
          aria-expanded={isMenuOpen}
          aria-controls="desk-nav"
          onClick={() => setOpenOn(isMenuOpen ? null : pathname)}
        >
          Meny
        </button>
        <DeskNav id="desk-nav" isOpen={isMenuOpen} />
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
