/** Messages and send lists: thin routes, each one schema, one service call. */
import type { App, AppDeps } from '../../platform/http/types.ts';
import { positionedActorOf } from '../../platform/http/types.ts';
import { ErrorResponse } from '../../../contract/common.ts';
import * as c from '../../../contract/messages.ts';
import * as messages from './message.service.ts';
import * as sendLists from './send-list.service.ts';

const TAGS = ['Meddelanden'];
const LIST_TAGS = ['Sändlistor'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function registerMessageRoutes(app: App, { db }: AppDeps): void {
  app.get(
    '/api/messages/inbox',
    {
      schema: {
        tags: TAGS,
        summary: 'My inbox (or archive), newest first, a page at a time; linked persons in scope are audited as listed',
        querystring: c.InboxQuery,
        response: { 200: c.Inbox, ...errors },
      },
    },
    async (request) => messages.listInbox(db, positionedActorOf(request), request.query),
  );

  app.get(
    '/api/messages/sent',
    {
      schema: {
        tags: TAGS,
        summary: 'What I have written, newest first, with how many have read each',
        querystring: c.SentQuery,
        response: { 200: c.SentBox, ...errors },
      },
    },
    async (request) => messages.listSent(db, positionedActorOf(request), request.query),
  );

  app.get(
    '/api/messages/unread-count',
    {
      schema: {
        tags: TAGS,
        summary: 'How many unread messages are in my inbox (cheap; the web polls it)',
        response: { 200: c.UnreadCount, ...errors },
      },
    },
    async (request) => messages.getUnreadCount(db, positionedActorOf(request)),
  );

  app.get(
    '/api/messages/recipients',
    {
      schema: {
        tags: TAGS,
        summary: 'Active users and send lists whose name contains the text, for writing',
        querystring: c.RecipientQuery,
        response: { 200: c.RecipientSuggestions, ...errors },
      },
    },
    async (request) => messages.suggestRecipients(db, positionedActorOf(request), request.query.q),
  );

  app.post(
    '/api/messages',
    {
      schema: {
        tags: TAGS,
        summary: 'Write to users and send lists at once, optionally about a person or an assignment',
        body: c.SendMessageRequest,
        response: { 200: c.SentMessage, ...errors },
      },
    },
    async (request) => messages.sendMessage(db, positionedActorOf(request), request.body),
  );

  app.get(
    '/api/messages/:messageId',
    {
      schema: {
        tags: TAGS,
        summary: 'A message I wrote or received; opening marks it read',
        params: c.MessageParams,
        response: { 200: c.MessageDetail, ...errors },
      },
    },
    async (request) => messages.getMessage(db, positionedActorOf(request), request.params.messageId),
  );

  app.put(
    '/api/messages/:messageId/read',
    {
      schema: {
        tags: TAGS,
        summary: 'Mark a message in my inbox read or unread',
        params: c.MessageParams,
        body: c.SetReadRequest,
        response: { 200: c.MessageState, ...errors },
      },
    },
    async (request) =>
      messages.setMessageRead(db, positionedActorOf(request), request.params.messageId, request.body.isRead),
  );

  app.put(
    '/api/messages/:messageId/archive',
    {
      schema: {
        tags: TAGS,
        summary: 'Move a message out of my inbox into the archive, or back',
        params: c.MessageParams,
        body: c.SetArchivedRequest,
        response: { 200: c.MessageState, ...errors },
      },
    },
    async (request) =>
      messages.setMessageArchived(db, positionedActorOf(request), request.params.messageId, request.body.isArchived),
  );

  app.get(
    '/api/send-lists',
    {
      schema: {
        tags: LIST_TAGS,
        summary: 'Send lists (active unless asked), and the units where I may start one',
        querystring: c.SendListQuery,
        response: { 200: c.SendListList, ...errors },
      },
    },
    async (request) => sendLists.listSendLists(db, positionedActorOf(request), request.query),
  );

  app.post(
    '/api/send-lists',
    {
      schema: {
        tags: LIST_TAGS,
        summary: 'Start a send list for a unit I keep lists for',
        body: c.CreateSendListRequest,
        response: { 200: c.SendListDetail, ...errors },
      },
    },
    async (request) => sendLists.createSendList(db, positionedActorOf(request), request.body),
  );

  app.get(
    '/api/send-lists/:sendListId',
    {
      schema: {
        tags: LIST_TAGS,
        summary: 'A send list with its members',
        params: c.SendListParams,
        response: { 200: c.SendListDetail, ...errors },
      },
    },
    async (request) => sendLists.getSendList(db, positionedActorOf(request), request.params.sendListId),
  );

  app.put(
    '/api/send-lists/:sendListId',
    {
      schema: {
        tags: LIST_TAGS,
        summary: 'Rename, switch off or on, or change the purpose of a send list',
        params: c.SendListParams,
        body: c.UpdateSendListRequest,
        response: { 200: c.SendListDetail, ...errors },
      },
    },
    async (request) =>
      sendLists.updateSendList(db, positionedActorOf(request), request.params.sendListId, request.body),
  );

  app.post(
    '/api/send-lists/:sendListId/members',
    {
      schema: {
        tags: LIST_TAGS,
        summary: 'Add an active user to a send list',
        params: c.SendListParams,
        body: c.AddSendListMemberRequest,
        response: { 200: c.SendListDetail, ...errors },
      },
    },
    async (request) =>
      sendLists.addMember(db, positionedActorOf(request), request.params.sendListId, request.body.userId),
  );

  app.delete(
    '/api/send-lists/:sendListId/members/:userId',
    {
      schema: {
        tags: LIST_TAGS,
        summary: 'Remove a member from a send list',
        params: c.SendListMemberParams,
        response: { 200: c.SendListDetail, ...errors },
      },
    },
    async (request) =>
      sendLists.removeMember(db, positionedActorOf(request), request.params.sendListId, request.params.userId),
  );
}
