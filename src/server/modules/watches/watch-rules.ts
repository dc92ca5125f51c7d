/**
 * The registered rules: for each, where its facts come from, the pure rule that judges them
 * (domain/deadline-rules.ts), whose desk lists it, and the message each step sends. Adding a rule
 * — the journal's and the care plan's come next — is one entry here and a function in the domain.
 *
 * Messages name the decision or assignment, never the person: they are read in inboxes and lists,
 * and the record they link to shows the person to those who may see them.
 */
import type { Trx } from '../../platform/db/tenant.ts';
import {
  decisionPeriodEnding,
  deliveryStartNotRegistered,
  interruptionNotResumed,
  shortTermStayWithoutPlace,
  unacknowledgedAssignment,
  undeliveredDecision,
  type Finding,
  type InterruptionFacts,
  type ShortTermStayFacts,
  type UnacknowledgedFacts,
  type UndeliveredFacts,
  type WatchSettings,
} from '../../../domain/deadline-rules.ts';
import type { WatchRule } from '../../../domain/vocabulary.ts';
import * as facts from './watch-facts.repository.ts';

export interface At {
  today: string;
  now: Date;
}

/** Who a step's message goes to: the case's officer, the provider's managers, or who sent the assignment. */
export type Addressee = 'case_officer' | 'provider_managers' | 'sender';

export interface Notice {
  to: readonly Addressee[];
  subject: string;
  body: string;
}

export type Desk = 'officer' | 'provider';

export interface Registration<F extends facts.ItemContext = facts.ItemContext, J = F> {
  rule: WatchRule;
  /** The desks that list the rule's items. */
  desks: readonly Desk[];
  load(trx: Trx, scope: facts.WatchScope, at: At, settings: WatchSettings): Promise<F[]>;
  /**
   * The same items with only what `judge` reads, for the desk's counter, where a rule's items run
   * to thousands (a backlog): no names, fewer joins. Without it the counter uses `load`.
   */
  count?(trx: Trx, scope: facts.WatchScope, at: At, settings: WatchSettings): Promise<J[]>;
  judge(fact: J, at: At, settings: WatchSettings): Finding | null;
  /** The day or time the rule's clock started (decision date, first day, sent). */
  since(fact: F): string;
  /** The message for a step, when the step sends one. */
  notice?(fact: F, step: string, finding: Finding): Notice | null;
}

function register<F extends facts.ItemContext & J, J = F>(registration: Registration<F, J>): Registration {
  return registration as unknown as Registration;
}

const threeMonthNotice = (what: string) =>
  function notice(fact: facts.ItemContext, step: string, finding: Finding): Notice | null {
    const where = `${fact.interventionName} (beslut ${fact.decisionNumber}, ärende ${fact.caseNumber})`;
    // A reminder sent late (a check catching up after the three months ran out) says so.
    const hasPassed = finding.state === 'overdue';
    if (step === 'reminder')
      return {
        to: ['case_officer', 'provider_managers'],
        subject: `Påminnelse: ${fact.interventionName} ${what} – tre månader ${hasPassed ? 'gick' : 'går'} ut ${finding.dueOn}`,
        body: [
          `${where} ${what}.`,
          hasPassed
            ? `Tre månader gick ut ${finding.dueOn}. Det ska rapporteras till IVO som ej verkställt.`
            : `Tre månader går ut ${finding.dueOn}. Därefter ska det rapporteras till IVO som ej verkställt.`,
          'Se Tidsfrister på Mitt skrivbord.',
        ].join('\n'),
      };
    if (step === 'reportable')
      return {
        to: ['case_officer'],
        subject: `Ska rapporteras till IVO: ${fact.interventionName} ${what} (beslut ${fact.decisionNumber})`,
        body: [
          `${where} ${what} inom tre månader (senast ${finding.dueOn}).`,
          'Registrera skäl till dröjsmålet, konsekvenser för den enskilde, eventuella mellanliggande insatser och erbjudanden, så kommer det med i kvartalets rapport till IVO.',
        ].join('\n'),
      };
    return null;
  };

export const RULES: readonly Registration[] = [
  register<facts.UndeliveredFactRow, UndeliveredFacts>({
    rule: 'undelivered_decision',
    desks: ['officer', 'provider'],
    load: (trx, scope, at, settings) => facts.loadUndelivered(trx, scope, at.today, settings.reminderMonths),
    count: (trx, scope, at, settings) => facts.loadUndeliveredFacts(trx, scope, at.today, settings.reminderMonths),
    judge: (fact, at, settings) => undeliveredDecision(fact, at.today, settings),
    since: (fact) => fact.decisionDate,
    notice: threeMonthNotice('är inte verkställt'),
  }),
  register<facts.InterruptionFactRow, InterruptionFacts>({
    rule: 'interrupted_delivery',
    desks: ['officer', 'provider'],
    load: (trx, scope, at, settings) => facts.loadInterruptions(trx, scope, at.today, settings.reminderMonths),
    count: (trx, scope, at, settings) => facts.loadInterruptionFacts(trx, scope, at.today, settings.reminderMonths),
    judge: (fact, at, settings) => interruptionNotResumed(fact, at.today, settings),
    since: (fact) => fact.fromDate,
    notice: threeMonthNotice(`är avbrutet och har inte återupptagits`),
  }),
  register<facts.UnacknowledgedFactRow, UnacknowledgedFacts>({
    rule: 'unacknowledged_assignment',
    desks: ['officer', 'provider'],
    load: (trx, scope) => facts.loadUnacknowledged(trx, scope),
    count: (trx, scope) => facts.loadUnacknowledgedFacts(trx, scope),
    judge: (fact, at, settings) => unacknowledgedAssignment(fact, at.now, settings),
    since: (fact) => fact.sentAt,
    notice(fact, step) {
      const assignment = `uppdrag ${fact.assignment?.number ?? ''}`;
      const alarm = fact.hasPersonalAlarm ? ' (trygghetslarm)' : '';
      if (step === 'manager')
        return {
          to: ['provider_managers'],
          subject: `Okvitterat uppdrag ${fact.assignment?.number ?? ''}${alarm} väntar`,
          body: [
            `${fact.provider?.name ?? 'Utföraren'} har ännu inte tagit emot ${assignment}${alarm}: ${fact.interventionName}.`,
            'Öppna det under Nya uppdrag och acceptera eller stoppa det.',
          ].join('\n'),
        };
      if (step === 'officer')
        return {
          to: ['sender'],
          subject: `Uppdrag ${fact.assignment?.number ?? ''}${alarm} är fortfarande inte mottaget`,
          body: [
            `${fact.provider?.name ?? 'Utföraren'} har ännu inte tagit emot ${assignment}${alarm} (ärende ${fact.caseNumber}), trots påminnelse till utförarens chef.`,
            'Kontakta utföraren.',
          ].join('\n'),
        };
      return null;
    },
  }),
  register<facts.StartFactRow>({
    rule: 'start_not_registered',
    // Listed in the provider's own folder (desk: Registrera verkställighetsdatum), not again here.
    desks: [],
    load: (trx, scope, at) => facts.loadStartsToRegister(trx, scope, at.today),
    judge: (fact, at) => deliveryStartNotRegistered(fact, at.today),
    since: (fact) => fact.periodFrom,
  }),
  register<facts.ShortTermFactRow, ShortTermStayFacts>({
    rule: 'short_term_stay_without_place',
    desks: ['officer'],
    load: (trx, scope, at) => facts.loadShortTermStays(trx, scope, at.today),
    count: (trx, scope, at) => facts.loadShortTermStayFacts(trx, scope, at.today),
    judge: (fact, at) => shortTermStayWithoutPlace(fact, at.today),
    since: (fact) => fact.decisionDate,
  }),
  register<facts.PeriodEndingFactRow>({
    rule: 'decision_period_ending',
    desks: ['officer'],
    load: (trx, scope, at, settings) => facts.loadPeriodsEnding(trx, scope, at.today, settings.periodEndingDays),
    judge: (fact, at, settings) => decisionPeriodEnding(fact, at.today, settings),
    since: (fact) => fact.periodTo,
  }),
];
