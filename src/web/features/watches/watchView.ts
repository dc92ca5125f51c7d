/**
 * How a watch reads on the Tidsfrister page and on the desk, as pure functions: the rules' sections
 * in order, each item's status in words, the links that open the record to act on, and the counts
 * said in words. The server decides what is watched and when (domain/deadline-rules.ts).
 */
import { AUTHORITY_ROLES, MANAGER_ROLES, type Role } from '../../../domain/roles.ts';
import { WATCH_RULES, type WatchRule } from '../../../domain/vocabulary.ts';
import { WATCH_STATE_LABELS, WATCH_STEP_LABELS } from '../../i18n/labels.ts';
import type { WatchCounts, WatchItem, WatchList } from './watches.api.ts';

/** Whose desk has Tidsfrister: case officers, authority managers and the provider's managers (watch.policy.ts). */
export const WATCH_ROLES: readonly Role[] = [...AUTHORITY_ROLES, ...MANAGER_ROLES];

export type WatchDesk = NonNullable<WatchList['desk']>;

/** The rules whose clock is in hours: their times are shown with the time of day. */
export function isReckonedInHours(rule: WatchRule): boolean {
  return rule === 'unacknowledged_assignment';
}

/** The items by rule, in the rules' order, leaving out rules with nothing to watch. */
export function groupByRule(items: readonly WatchItem[]): { rule: WatchRule; items: WatchItem[] }[] {
  return WATCH_RULES.map((rule) => ({ rule, items: items.filter((item) => item.rule === rule) })).filter(
    (group) => group.items.length > 0,
  );
}

export type StatusTone = WatchItem['state'] | 'waiting';

/**
 * The status badge: "Passerad", "Idag", "Närmar sig"; an assignment still within its time
 * "Väntar". An assignment past it says how far it has been escalated ("Chef påmind",
 * "Handläggare påmind"), the last step it reached.
 */
export function statusOf(item: Pick<WatchItem, 'rule' | 'state' | 'steps'>): {
  label: string;
  tone: StatusTone;
  detail: string | null;
} {
  if (item.rule === 'unacknowledged_assignment') {
    if (item.state === 'due') return { label: 'Väntar', tone: 'waiting', detail: null };
    const last = item.steps.at(-1);
    return {
      label: WATCH_STATE_LABELS[item.state],
      tone: item.state,
      detail: last ? (WATCH_STEP_LABELS[last] ?? null) : null,
    };
  }
  return { label: WATCH_STATE_LABELS[item.state], tone: item.state, detail: null };
}

export interface WatchLink {
  key: string;
  to: string;
  text: string;
}

/**
 * Where an item is acted on. On the officer's desk: the case, or for an assignment not received
 * the assignment; an overdue decision or interruption also the IVO report's details for it. On the
 * provider's desk: the assignment (accept it, or see what it asked for), or the person's Insatser
 * tab where an interruption is ended.
 */
export function linksOf(item: WatchItem, desk: WatchDesk): WatchLink[] {
  const assignment = item.assignment ? `/uppdrag/${item.assignment.id}` : null;
  const deliveries = `/personer/${item.person.id}?flik=insatser`;
  if (desk === 'provider') {
    if (item.rule === 'interrupted_delivery') return [{ key: 'open', to: deliveries, text: 'Öppna insatserna' }];
    if (assignment) return [{ key: 'open', to: assignment, text: 'Öppna uppdraget' }];
    return [{ key: 'open', to: deliveries, text: 'Öppna insatserna' }];
  }
  const links: WatchLink[] =
    item.rule === 'unacknowledged_assignment' && assignment
      ? [{ key: 'open', to: assignment, text: 'Öppna uppdraget' }]
      : [{ key: 'open', to: `/arenden/${item.caseId}`, text: 'Öppna ärendet' }];
  const ivo = ivoPathOf(item);
  if (ivo) links.push({ key: 'ivo', to: ivo, text: 'Uppgifter till IVO' });
  return links;
}

/** Where the officer records what IVO's report needs, once a decision or an interruption is past three months. */
export function ivoPathOf(item: Pick<WatchItem, 'rule' | 'state' | 'subjectId'>): string | null {
  if (item.state !== 'overdue') return null;
  if (item.rule === 'undelivered_decision') return `/ivo/uppgifter/beslut/${item.subjectId}`;
  if (item.rule === 'interrupted_delivery') return `/ivo/uppgifter/avbrott/${item.subjectId}`;
  return null;
}

/** What the folder's count counts: passed and due today (or waiting), not those only approaching. */
export function urgentCount(counts: WatchCounts | null | undefined): number {
  return counts ? counts.overdue + counts.due : 0;
}

/**
 * "3 passerade, 1 idag eller väntar": what the folder's number is made of, for screen readers. Due
 * is a dated deadline today or an assignment still within its time, so both are said.
 */
export function spokenCount(counts: WatchCounts): string {
  return [
    counts.overdue > 0 ? `${counts.overdue} ${counts.overdue === 1 ? 'passerad' : 'passerade'}` : null,
    counts.due > 0 ? `${counts.due} idag eller väntar` : null,
  ]
    .filter(Boolean)
    .join(', ');
}

/** The page's line under the heading: every state with a count, "Inga …" when none. */
export function countsLine(counts: WatchCounts): string {
  const parts = [
    counts.overdue > 0 ? `${counts.overdue} ${counts.overdue === 1 ? 'passerad' : 'passerade'}` : null,
    counts.due > 0 ? `${counts.due} idag eller väntar` : null,
    counts.approaching > 0 ? `${counts.approaching} närmar sig` : null,
  ].filter(Boolean);
  return parts.length === 0 ? 'Inga tidsfrister att bevaka.' : `${parts.join(', ')}.`;
}
