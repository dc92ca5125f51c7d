/** Messages and send lists (src/contract/messages.ts): queries and changes, one function per route. */
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import type * as c from '../../../contract/messages.ts';
import { api } from '../../api/client.ts';

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
  inbox: (folder: 'inbox' | 'archive', page: number, isUnreadOnly: boolean) => ['messages', 'inbox', folder, page, isUnreadOnly] as const,
  sent: (page: number) => ['messages', 'sent', page] as const,
  detail: (id: string) => ['messages', 'detail', id] as const,
  recipients: (q: string) => ['messages', 'recipients', q] as const,
  sendLists: ['send-lists'] as const,
  sendList: (id: string) => ['send-lists', id] as const,
};

/** The unread count: asked for every 30 s and whenever the window gets focus (no person data in it). */
export function useUnreadCount() {
  return useQuery({
    queryKey: messageKeys.unread,
    queryFn: () => api<c.UnreadCount>('/api/messages/unread-count').then((body) => body.unreadCount),
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
}

export function useInbox(folder: 'inbox' | 'archive', page: number, isUnreadOnly: boolean) {
  return useQuery({
    queryKey: messageKeys.inbox(folder, page, isUnreadOnly),
    queryFn: () => api<c.Inbox>('/api/messages/inbox', {
      query: { page, pageSize: PAGE_SIZE, unread: isUnreadOnly ? 'true' : undefined, archived: folder === 'archive' ? 'true' : undefined },
    }),
    placeholderData: keepPreviousData,
  });
}

export function useSent(page: number) {
  return useQuery({
    queryKey: messageKeys.sent(page),
    queryFn: () => api<c.SentBox>('/api/messages/sent', { query: { page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
}

/** Opening marks the message read on the server, so the counts are read again afterwards. */
export function useMessage(messageId: string) {
  return useQuery({ queryKey: messageKeys.detail(messageId), queryFn: () => api<c.MessageDetail>(`/api/messages/${encodeURIComponent(messageId)}`) });
}

export function fetchRecipients(q: string, signal?: AbortSignal) {
  return api<c.RecipientSuggestions>('/api/messages/recipients', { query: { q }, signal });
}

export function sendMessage(body: c.SendMessageRequest) {
  return api<{ id: string; recipientCount: number }>('/api/messages', { method: 'POST', body });
}

export function setRead(messageId: string, isRead: boolean) {
  return api<c.MessageState>(`/api/messages/${encodeURIComponent(messageId)}/read`, { method: 'PUT', body: { isRead } });
}

export function setArchived(messageId: string, isArchived: boolean) {
  return api<c.MessageState>(`/api/messages/${encodeURIComponent(messageId)}/archive`, { method: 'PUT', body: { isArchived } });
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
    queryFn: () => api<c.SendListList>('/api/send-lists', { query: { includeInactive: 'true', manageable: 'true' } }),
  });
}

export function useSendList(sendListId: string) {
  return useQuery({ queryKey: messageKeys.sendList(sendListId), queryFn: () => fetchSendList(sendListId) });
}

export function fetchSendList(sendListId: string) {
  return api<c.SendListDetail>(`/api/send-lists/${encodeURIComponent(sendListId)}`);
}

export function createSendList(body: c.CreateSendListRequest) {
  return api<c.SendListDetail>('/api/send-lists', { method: 'POST', body });
}

export function updateSendList(sendListId: string, body: c.UpdateSendListRequest) {
  return api<c.SendListDetail>(`/api/send-lists/${encodeURIComponent(sendListId)}`, { method: 'PUT', body });
}

export function addSendListMember(sendListId: string, userId: string) {
  return api<c.SendListDetail>(`/api/send-lists/${encodeURIComponent(sendListId)}/members`, { method: 'POST', body: { userId } });
}

export function removeSendListMember(sendListId: string, userId: string) {
  return api<c.SendListDetail>(`/api/send-lists/${encodeURIComponent(sendListId)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' });
}

/** A list as the server now has it; the overview is marked stale so it follows. */
export function storeSendList(queryClient: QueryClient, list: c.SendListDetail): void {
  queryClient.setQueryData(messageKeys.sendList(list.id), list);
  void queryClient.invalidateQueries({ queryKey: messageKeys.sendLists, exact: true });
}
