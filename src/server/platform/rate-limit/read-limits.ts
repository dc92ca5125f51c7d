/**
 * Read limits: what the reads of personal data cost and how much a session and a user may spend
 * (ADR 0016). Routes declare their cost in their config (`config: { readCost: PERSON_RECORD_COST }`);
 * the access hook charges it before the route runs.
 */

/**
 * person_record: one person's record or one of its tabs, 1 a request. person_list: persons a list
 * or search page can show, charged at the page's size whatever it holds, so the charge is known
 * before any work is done.
 */
export type ReadBudget = 'person_record' | 'person_list';

/** What one request of a route costs, from which budget. */
export interface ReadCost {
  budget: ReadBudget;
  cost: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Metered read of personal data; unset = not metered. */
    readCost?: ReadCost;
  }
}

/** How much a session may spend in its burst window and a user over all their sessions in the long window. */
export interface BudgetLimits {
  perSession: number;
  perUser: number;
}

export interface ReadLimits {
  sessionWindowSeconds: number;
  userWindowSeconds: number;
  personRecord: BudgetLimits;
  personList: BudgetLimits;
}

export function limitsOf(limits: ReadLimits, budget: ReadBudget): BudgetLimits {
  return budget === 'person_record' ? limits.personRecord : limits.personList;
}

/** Opening a person or one of the person's tabs. */
export const PERSON_RECORD_COST: ReadCost = { budget: 'person_record', cost: 1 };

/** A page of a list or a search that can show this many persons. */
export function personListCost(pageSize: number): ReadCost {
  return { budget: 'person_list', cost: pageSize };
}
