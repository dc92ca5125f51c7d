/**
 * Swedish words for the case and decision codes, typed over the contract's lists so a new code
 * without a label fails the type check.
 */
import type {
  CASE_HISTORY_KINDS,
  CASE_STATUSES,
  DECISION_OUTCOMES,
  DECISION_STATUSES,
} from '../../../contract/cases.ts';
import { formatNumber } from '../../format.ts';
import { scopeUnitLabel } from '../../i18n/labels.ts';

export const DECISION_OUTCOME_LABELS: Record<(typeof DECISION_OUTCOMES)[number], string> = {
  granted: 'Bifall',
  refused: 'Avslag',
};

export const DECISION_STATUS_LABELS: Record<(typeof DECISION_STATUSES)[number], string> = {
  refused: 'Avslag',
  upcoming: 'Kommande',
  ongoing: 'Pågående',
  ending: 'Avslutas',
  ended: 'Avslutat',
};

export const CASE_STATUS_LABELS: Record<(typeof CASE_STATUSES)[number], string> = { open: 'Öppet', closed: 'Avslutat' };

export const CASE_HISTORY_LABELS: Record<(typeof CASE_HISTORY_KINDS)[number], string> = {
  case_opened: 'Ärendet öppnades',
  decision_recorded: 'Beslut registrerades',
  decision_ended: 'Beslut avslutades',
  assignment_written: 'Uppdrag skrevs',
  assignment_sent: 'Uppdrag skickades',
  assignment_sent_outside: 'Uppdrag skickades utanför Vardag',
  assignment_accepted: 'Uppdrag accepterades',
  assignment_stopped: 'Uppdrag stoppades av utföraren',
  assignment_acknowledged: 'Uppdrag kvitterades',
  assignment_replaced: 'Uppdrag ersattes',
  assignment_withdrawn: 'Uppdrag återkallades',
  case_officer_changed: 'Handläggare byttes',
  delivery_started: 'Verkställighet startade',
  delivery_ended: 'Verkställighet avslutades',
  case_closed: 'Ärendet avslutades',
};

/** "2026-02-01 – 2026-07-31", or "från 2026-02-01, tills vidare". */
export function periodText(from: string, to: string | null): string {
  return to === null ? `${from} – tills vidare` : `${from} – ${to}`;
}

/** "24,5 tim/månad", or the unit alone when there is no amount (trygghetslarm). */
export function scopeText(amount: number | null, unit: string): string {
  if (unit === 'none' || amount === null) return '–';
  return `${formatNumber(amount)} ${scopeUnitLabel(unit)}`;
}
