/**
 * Messages: an inbox and a sent box per user, writing to users and send lists, and the send lists
 * (sändlistor) that units keep themselves. Event messages are written by the system and read here.
 */
import { z } from 'zod';
import { Id, Version, requiredText } from './common.ts';

export const MESSAGE_KINDS = ['personal', 'event'] as const;
export const SEND_LIST_PURPOSES = ['alarm_group'] as const;

const BooleanQuery = z.enum(['true', 'false'], { error: 'Ange true eller false.' });
const Page = z.coerce
  .number({ error: 'Ange ett sidnummer.' })
  .int()
  .min(1)
  .max(100_000)
  .default(1)
  .describe('1 is the newest page');
const PageSize = z.coerce.number({ error: 'Ange sidstorlek.' }).int().min(1).max(100).default(25);

export const MessageParams = z.object({ messageId: Id });

export const InboxQuery = z.object({
  page: Page,
  pageSize: PageSize,
  unread: BooleanQuery.optional().describe('true: only unread messages'),
  archived: BooleanQuery.optional().describe(
    'true: the archive (messages moved out of the inbox) instead of the inbox',
  ),
});
export type InboxQuery = z.output<typeof InboxQuery>;

export const SentQuery = z.object({ page: Page, pageSize: PageSize });
export type SentQuery = z.output<typeof SentQuery>;

/** A person a message links to, as this reader may see them. */
export const MessagePerson = z.object({
  id: Id,
  isInScope: z.boolean().describe('The reader may open the person; when false nothing else about the person is shown'),
  identityNumber: z.string().nullable(),
  /** Null when the identity is protected or the person is outside the reader's scope. */
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  protectedIdentity: z.boolean(),
});
export type MessagePerson = z.infer<typeof MessagePerson>;

export const MessageAssignment = z.object({
  id: Id,
  assignmentNumber: z.string().describe('e.g. U-2026-00017; the web opens /uppdrag/:id'),
});

const MessageBase = z.object({
  id: Id,
  kind: z.enum(MESSAGE_KINDS).describe('personal: a user wrote it; event: the system wrote it with an event'),
  subject: z.string(),
  senderId: Id.nullable().describe('Null for event messages'),
  senderName: z.string().describe('The writer\'s name, or "Systemet" for event messages'),
  addressedTo: z.string().describe('The addressees as written, e.g. "Nattpatrullen; Eva Lind"'),
  sentAt: z.string().describe('ISO timestamp'),
  person: MessagePerson.nullable(),
  assignment: MessageAssignment.nullable(),
});

export const InboxItem = MessageBase.extend({
  isRead: z.boolean(),
  isArchived: z.boolean(),
  viaSendList: z.string().nullable().describe('The send list it reached this reader through, if any'),
});
export type InboxItem = z.infer<typeof InboxItem>;

export const Inbox = z.object({
  items: z.array(InboxItem).describe('Newest first'),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int().describe('Messages matching the filter'),
  unreadCount: z.number().int().describe('Unread messages in the inbox (not archived), whatever the filter'),
});
export type Inbox = z.infer<typeof Inbox>;

export const SentItem = MessageBase.extend({
  recipientCount: z.number().int(),
  readCount: z.number().int().describe('Recipients who have opened it'),
});
export type SentItem = z.infer<typeof SentItem>;

export const SentBox = z.object({
  items: z.array(SentItem).describe('Newest first'),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type SentBox = z.infer<typeof SentBox>;

export const MessageRecipient = z.object({
  userId: Id,
  displayName: z.string(),
  viaSendList: z.string().nullable(),
  readAt: z.string().nullable(),
});

export const MessageDetail = MessageBase.extend({
  body: z.string(),
  isRecipient: z.boolean(),
  isSender: z.boolean(),
  /** For a recipient: read (opening marks it so) and archived; false for a sender only. */
  isRead: z.boolean(),
  isArchived: z.boolean(),
  recipients: z
    .array(MessageRecipient)
    .nullable()
    .describe('Who it reached and who has read it: shown to the sender only'),
});
export type MessageDetail = z.infer<typeof MessageDetail>;

export const UnreadCount = z.object({ unreadCount: z.number().int() });
export type UnreadCount = z.infer<typeof UnreadCount>;

export const SetReadRequest = z.object({ isRead: z.boolean({ error: 'Ange true eller false.' }) });
export const SetArchivedRequest = z.object({ isArchived: z.boolean({ error: 'Ange true eller false.' }) });

/** A recipient's inbox row after marking it. */
export const MessageState = z.object({
  id: Id,
  isRead: z.boolean(),
  isArchived: z.boolean(),
  unreadCount: z.number().int(),
});
export type MessageState = z.infer<typeof MessageState>;

export const SendMessageRequest = z.object({
  recipientUserIds: z
    .array(Id)
    .max(100, { error: 'Högst 100 mottagare.' })
    .default([])
    .describe('Active users of the municipality'),
  sendListIds: z
    .array(Id)
    .max(20, { error: 'Högst 20 sändlistor.' })
    .default([])
    .describe('Active send lists; expanded to their active members when sent'),
  subject: requiredText(200),
  body: requiredText(8000),
  personId: Id.nullish()
    .transform((value) => value ?? null)
    .describe("A person in the sender's scope the message is about"),
  assignmentId: Id.nullish()
    .transform((value) => value ?? null)
    .describe('An assignment the message is about; its person is linked too'),
});
export type SendMessageRequest = z.input<typeof SendMessageRequest>;

export const SentMessage = z.object({
  id: Id,
  recipientCount: z.number().int().describe('How many users it reached'),
});

export const RecipientQuery = z.object({
  q: z.string().trim().min(2, { error: 'Skriv minst två tecken.' }).max(100, { error: 'Högst 100 tecken.' }),
});

export const RecipientUser = z.object({
  id: Id,
  displayName: z.string(),
  description: z.string().describe('Positions, e.g. "Enhetschef, Blandaren htj ute", to tell namesakes apart'),
});
export type RecipientUser = z.infer<typeof RecipientUser>;

export const RecipientSendList = z.object({
  id: Id,
  name: z.string(),
  unitName: z.string(),
  memberCount: z.number().int(),
});
export type RecipientSendList = z.infer<typeof RecipientSendList>;

export const RecipientSuggestions = z.object({
  users: z.array(RecipientUser).describe('Active users whose name matches, in name order'),
  sendLists: z.array(RecipientSendList).describe('Active send lists whose name or unit matches'),
});
export type RecipientSuggestions = z.infer<typeof RecipientSuggestions>;

// Send lists

export const SendListParams = z.object({ sendListId: Id });
export const SendListMemberParams = z.object({ sendListId: Id, userId: Id });

export const SendListQuery = z.object({
  includeInactive: BooleanQuery.optional().describe('true: also lists switched off'),
  manageable: BooleanQuery.optional().describe('true: only lists you may keep'),
});

export const SendListPermissions = z.object({
  canManage: z.boolean().describe('May rename, switch off and change members'),
  canSetPurpose: z.boolean().describe('May make it (or stop it being) the alarm group'),
});

export const SendListSummary = z.object({
  id: Id,
  name: z.string(),
  unitId: Id,
  unitName: z.string(),
  purpose: z
    .enum(SEND_LIST_PURPOSES)
    .nullable()
    .describe('alarm_group: personal-alarm assignments also go to this list'),
  isActive: z.boolean(),
  memberCount: z.number().int().describe('Active members'),
  version: z.number().int(),
  permissions: SendListPermissions,
});
export type SendListSummary = z.infer<typeof SendListSummary>;

export const KeepableUnit = z.object({
  id: Id,
  name: z.string(),
  canSetPurpose: z.boolean(),
});

export const SendListList = z.object({
  sendLists: z.array(SendListSummary).describe('In name order'),
  unitsForNewLists: z.array(KeepableUnit).describe('Active units where you may start a list'),
});
export type SendListList = z.infer<typeof SendListList>;

export const SendListMember = z.object({
  userId: Id,
  displayName: z.string(),
  description: z.string(),
  isActive: z.boolean().describe('An inactive user stays listed but receives nothing'),
});

export const SendListDetail = SendListSummary.extend({ members: z.array(SendListMember) });
export type SendListDetail = z.infer<typeof SendListDetail>;

const Purpose = z
  .enum(SEND_LIST_PURPOSES, { error: 'Okänt syfte.' })
  .nullish()
  .transform((value) => value ?? null);

export const CreateSendListRequest = z.object({
  unitId: Id.describe('The unit that keeps the list'),
  name: requiredText(120),
  purpose: Purpose,
});
export type CreateSendListRequest = z.input<typeof CreateSendListRequest>;

export const UpdateSendListRequest = z.object({
  name: requiredText(120),
  purpose: Purpose,
  isActive: z.boolean({ error: 'Ange true eller false.' }),
  version: Version,
});
export type UpdateSendListRequest = z.input<typeof UpdateSendListRequest>;

export const AddSendListMemberRequest = z.object({ userId: Id });
