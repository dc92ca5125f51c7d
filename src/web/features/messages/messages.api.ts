/** Messages and send lists (src/contract/messages.ts): queries and changes, one function per route. */
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import type * as c from '../../../contract/messages.ts';
import { call, http } from '../../api/client.ts';

export type InboxItem = c.InboxItem;
export type SentItem = c.SentItem;
export type MessageDetail = c.MessageDetail;
export type MessagePerson = c.MessagePerson;
export type SendListSummary = c.SendListSummary;
export type SendListDetail = c.SendListDetail;
export type RecipientSuggestions = c.RecipientSuggestions;

/** How often the unread count is asked for while the page is open. */
export const UNREAD_POLL_MS = 30_000;
export const PAGE_SIZE = 25;

export const messageKeys = {
  all: ['messages'] as const,
  unread: ['messages', 'unread-count'] as const,
  inbox: (folder: 'inbox' | 'archive', page: number, isUnreadOnly: boolean) =>
    ['messages', 'inbox', folder, page, isUnreadOnly] as const,
  sent: (page: number) => ['messages', 'sent', page] as const,
  detail: (id: string) => ['messages', 'detail', id] as const,
  recipients: (q: string) => ['messages', 'recipients', q] as const,
  sendLists: ['send-lists'] as const,
  sendList: (id: string) => ['send-lists', id] as const,
};

const byMessage = (messageId: string) => ({ params: { path: { messageId } } });
const bySendList = (sendListId: string) => ({ params: { path: { sendListId } } });

/** The unread count: asked for every 30 s and whenever the window gets focus (no person data in it). */
export function useUnreadCount() {
  return useQuery({
    queryKey: messageKeys.unread,
    queryFn: () => call(http.GET('/api/messages/unread-count')).then((body) => body.unreadCount),
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
}

export function useInbox(folder: 'inbox' | 'archive', page: number, isUnreadOnly: boolean) {
  const query = {
    page,
    pageSize: PAGE_SIZE,
    unread: isUnreadOnly ? ('true' as const) : undefined,
    archived: folder === 'archive' ? ('true' as const) : undefined,
  };
  return useQuery({
    queryKey: messageKeys.inbox(folder, page, isUnreadOnly),
    queryFn: (): Promise<c.Inbox> => call(http.GET('/api/messages/inbox', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useSent(page: number) {
  return useQuery({
    queryKey: messageKeys.sent(page),
    queryFn: (): Promise<c.SentBox> =>
      call(http.GET('/api/messages/sent', { params: { query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
}

/** Opening marks the message read on the server, so the counts are read again afterwards. */
export function useMessage(messageId: string) {
  return useQuery({
    queryKey: messageKeys.detail(messageId),
    queryFn: (): Promise<c.MessageDetail> => call(http.GET('/api/messages/{messageId}', byMessage(messageId))),
  });
}

export function fetchRecipients(q: string, signal?: AbortSignal): Promise<c.RecipientSuggestions> {
  return call(http.GET('/api/messages/recipients', { params: { query: { q } }, signal }));
}

export function sendMessage(body: c.SendMessageRequest) {
  return call(http.POST('/api/messages', { body }));
}

export function setRead(messageId: string, isRead: boolean): Promise<c.MessageState> {
  return call(http.PUT('/api/messages/{messageId}/read', { ...byMessage(messageId), body: { isRead } }));
}

export function setArchived(messageId: string, isArchived: boolean): Promise<c.MessageState> {
  return call(http.PUT('/api/messages/{messageId}/archive', { ...byMessage(messageId), body: { isArchived } }));
}

/**
 * After reading, marking or writing: the counts (desk and header) follow, and the lists are
 * dropped rather than marked stale, so going back never shows a moved message for a moment.
 */
export function refreshMessages(queryClient: QueryClient, unreadCount?: number): void {
  if (unreadCount !== undefined) queryClient.setQueryData(messageKeys.unread, unreadCount);
  else void queryClient.invalidateQueries({ queryKey: messageKeys.unread });
  queryClient.removeQueries({ queryKey: ['messages', 'inbox'] });
  queryClient.removeQueries({ queryKey: ['messages', 'sent'] });
}

// Send lists

export function useSendLists() {
  return useQuery({
    queryKey: messageKeys.sendLists,
    queryFn: (): Promise<c.SendListList> =>
      call(
        http.GET('/api/send-lists', {
          params: { query: { includeInactive: 'true', manageable: 'true' } },
        }),
      ),
  });
}

export function useSendList(sendListId: string) {
  return useQuery({ queryKey: messageKeys.sendList(sendListId), queryFn: () => fetchSendList(sendListId) });
}

export function fetchSendList(sendListId: string): Promise<c.SendListDetail> {
  return call(http.GET('/api/send-lists/{sendListId}', bySendList(sendListId)));
}

export function createSendList(body: c.CreateSendListRequest): Promise<c.SendListDetail> {
  return call(http.POST('/api/send-lists', { body }));
}

export function updateSendList(sendListId: string, body: c.UpdateSendListRequest): Promise<c.SendListDetail> {
  return call(http.PUT('/api/send-lists/{sendListId}', { ...bySendList(sendListId), body }));
}

export function addSendListMember(sendListId: string, userId: string): Promise<c.SendListDetail> {
  return call(http.POST('/api/send-lists/{sendListId}/members', { ...bySendList(sendListId), body: { userId } }));
}

export function removeSendListMember(sendListId: string, userId: string): Promise<c.SendListDetail> {
  const params = { path: { sendListId, userId } };
  return call(http.DELETE('/api/send-lists/{sendListId}/members/{userId}', { params }));
}

/** A list as the server now has it; the overview is marked stale so it follows. */
export function storeSendList(queryClient: QueryClient, list: c.SendListDetail): void {
  queryClient.setQueryData(messageKeys.sendList(list.id), list);
  void queryClient.invalidateQueries({ queryKey: messageKeys.sendLists, exact: true });
}
