/**
 * The banner: municipality, the signed-in user, the current position and unit, and a menu with
 * "Byt befattning" and "Logga ut" (a disclosure: a button that shows a list of actions).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { SERVICE_AREA_SHORT } from '../i18n/labels.ts';
import { useSession } from '../session/session.tsx';
import { HeaderInboxLink } from '../features/messages/UnreadCount.tsx';

export function Header() {
  const { session, position } = useSession();
  return (
    <header className="app-header">
      <Link to="/" className="app-header__brand">
        Vardag<span className="visually-hidden"> – till Mitt skrivbord</span>
      </Link>
      {session && <span className="app-header__municipality">{session.municipality.name}</span>}
      <div className="app-header__spacer" />
      {position && (
        <p className="app-header__position">
          <span className="visually-hidden">Befattning: </span>
          {position.title}, {position.unitName} <span className="tag">{SERVICE_AREA_SHORT[position.serviceArea]}</span>
        </p>
      )}
      {position && <HeaderInboxLink />}
      {session && <UserMenu />}
    </header>
  );
}

function UserMenu() {
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  const [isOpen, setIsOpen] = useState(false);
  const menuId = useId();
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // Close on Escape (focus back to the button) and when focus or a click goes elsewhere.
  useEffect(() => {
    if (!isOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setIsOpen(false);
        button.current?.focus();
      }
    };
    const onOutside = (event: Event) => {
      if (container.current && !container.current.contains(event.target as Node)) setIsOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onOutside);
    document.addEventListener('focusin', onOutside);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onOutside);
      document.removeEventListener('focusin', onOutside);
    };
  }, [isOpen]);

  if (!session) return null;
  const canSwitch = session.positions.length > 1;
  return (
    <div className="user-menu" ref={container}>
      <button
        ref={button}
        type="button"
        className="user-menu__button"
        aria-expanded={isOpen}
        aria-controls={menuId}
        onClick={() => setIsOpen(!isOpen)}
      >
        {session.user.displayName} <span aria-hidden="true">▾</span>
        <span className="visually-hidden"> – meny</span>
      </button>
      <ul id={menuId} className="user-menu__list" hidden={!isOpen}>
        {canSwitch && (
          <li>
            <button
              type="button"
              className="user-menu__item"
              onClick={() => {
                setIsOpen(false);
                navigate('/befattning');
              }}
            >
              Byt befattning
            </button>
          </li>
        )}
        <li>
          <button
            type="button"
            className="user-menu__item"
            onClick={() => {
              setIsOpen(false);
              void signOut();
            }}
          >
            Logga ut
          </button>
        </li>
      </ul>
    </div>
  );
}
