/**
 * The unread count where the user looks: in the desk's Inkorg folder and as a badge in the header.
 * Both read the same query, which asks every 30 s and on window focus (messages.api.ts), so they
 * agree and a new message shows up without a reload.
 */
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { messageKeys, useUnreadCount } from './messages.api.ts';
import './messages.css';

/** "3 olästa" after the folder name; nothing while there are none. */
export function UnreadFolderCount() {
  const unread = useUnreadCount();
  if (!unread.data) return null;
  return (
    <span className="desk-nav__count desk-nav__count--unread">
      <span className="visually-hidden">, </span>
      {unread.data}
      <span className="visually-hidden"> olästa</span>
    </span>
  );
}

/** The header's link to the inbox, with the count; a growing count is announced politely. */
export function HeaderInboxLink() {
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  const previous = useRef<number | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  const queryClient = useQueryClient();

  // The query library refetches when the tab becomes visible; coming back from another window
  // (the tab was visible all along) is a window focus, so ask then too.
  useEffect(() => {
    const onFocus = () => void queryClient.invalidateQueries({ queryKey: messageKeys.unread });
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [queryClient]);

  useEffect(() => {
    if (unread.data === undefined) return;
    // Not on the first load: only news is worth interrupting for.
    if (previous.current !== undefined && unread.data > previous.current) {
      setAnnouncement(`Du har ${unread.data} olästa meddelanden.`);
    }
    previous.current = unread.data;
  }, [unread.data]);

  return (
    <>
      <Link to="/meddelanden/inkorg" className="inbox-link">
        Inkorg
        {count > 0 && (
          <span className="inbox-link__badge">
            {count}
            <span className="visually-hidden"> olästa</span>
          </span>
        )}
      </Link>
      <span role="status" className="visually-hidden">
        {announcement}
      </span>
    </>
  );
}
