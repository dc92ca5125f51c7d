/** How watches read in Swedish, and where a watch's record opens. */
import type { PersonalWatchState, WatchRecordKind } from '../../../domain/personal-watches.ts';

export const WATCH_STATE_LABELS: Record<PersonalWatchState, string> = {
  overdue: 'Förfallen',
  due: 'Idag',
  upcoming: 'Kommande',
  done: 'Klar',
};

export const WATCH_RECORD_LABELS: Record<WatchRecordKind, string> = {
  case: 'Ärende',
  assignment: 'Uppdrag',
  provider_case: 'Genomförande',
};

/** The page the record opens on: the same addresses as the app's routes. */
export function watchRecordPath(record: { kind: WatchRecordKind; id: string }): string {
  switch (record.kind) {
    case 'case':
      return `/arenden/${record.id}`;
    case 'assignment':
      return `/uppdrag/${record.id}`;
    case 'provider_case':
      return `/genomforande/${record.id}`;
  }
}

/** "Ärende Ä-2026-0001", "Genomförande Hemtjänst Norr". */
/** "Ärende ÄO-2026-00009"; within a sentence the kind is lower-case, the number never ("ärende ÄO-…"). */
export function watchRecordText(record: { kind: WatchRecordKind; label: string }, inSentence = false): string {
  const kind = WATCH_RECORD_LABELS[record.kind];
  return `${inSentence ? kind.toLowerCase() : kind} ${record.label}`;
}
