/**
 * The message and send-list pages, as one fragment of routes that app/routes.tsx places inside the
 * desk's layout: <Routes> reads fragments, so the feature's addresses stay together here.
 */
import { Navigate, Route } from 'react-router-dom';
import { RequireRole } from '../../session/guards.tsx';
import { ComposePage } from './ComposePage.tsx';
import { InboxPage } from './InboxPage.tsx';
import { MessagePage } from './MessagePage.tsx';
import { MessagesLayout } from './MessagesLayout.tsx';
import { SendListPage } from './SendListPage.tsx';
import { SendListsPage } from './SendListsPage.tsx';
import { SentPage } from './SentPage.tsx';
import { SEND_LIST_KEEPERS } from './sendListRoles.ts';

/** Called, not rendered: `{messageRoutes()}` inside <Routes>. */
export function messageRoutes() {
  return (
    <>
      <Route path="meddelanden" element={<MessagesLayout />}>
        <Route index element={<Navigate to="inkorg" replace />} />
        <Route path="inkorg" element={<InboxPage key="inbox" folder="inbox" />} />
        <Route path="arkiv" element={<InboxPage key="archive" folder="archive" />} />
        <Route path="skickat" element={<SentPage />} />
        <Route path="nytt" element={<ComposePage />} />
        <Route path=":messageId" element={<MessagePage />} />
      </Route>
      <Route element={<RequireRole roles={SEND_LIST_KEEPERS} />}>
        <Route path="sandlistor" element={<SendListsPage />} />
        <Route path="sandlistor/:sendListId" element={<SendListPage />} />
      </Route>
    </>
  );
}
