/**
 * The hand-over to Skriv meddelande (/meddelanden/nytt): what another screen — a reply, rows sent to
 * delivery, a change of provider — puts in the navigation state for the form to start from. Here, not
 * in features/messages/, so the features that offer "write a message" need not import that feature.
 */

/** A user or a send list, as the recipient picker shows it. */
export interface Recipient {
  kind: 'user' | 'sendList';
  id: string;
  label: string;
  detail: string;
}

/** What a reply (or another screen) hands the form to start from. */
export interface ComposeDraft {
  recipients: Recipient[];
  subject: string;
  personId: string | null;
}
