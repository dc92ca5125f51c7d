/**
 * Closing a provider case (genomförande) from "Ej aktuella – att avsluta": only when the person
 * has nothing ongoing or planned at the unit (src/domain/delivery-rules.ts isOngoingOrPlanned),
 * on a day the policy allows. The case, its link and the audit row change in one transaction.
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import { isOngoingOrPlanned } from '../../../domain/delivery-rules.ts';
import type * as contract from '../../../contract/desk.ts';
import * as repo from './provider-case.repository.ts';
import * as policy from './provider-case.policy.ts';

export async function closeProviderCase(db: Db, actor: PositionedActor, providerCaseId: string, request: contract.CloseProviderCaseRequest): Promise<contract.ClosedProviderCase> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const providerCase = await repo.findProviderCaseForUpdate(trx, providerCaseId, actor.position.personScopeUnitIds);
    // Seeing the person is not enough: another provider's staff do not know this case exists.
    if (!providerCase || !policy.canReadProviderCase(actor.position, providerCase)) throw new NotFoundError('Genomförandet hittades inte.');
    if (!policy.canCloseProviderCase(actor.position, providerCase.providerUnitId)) {
      throw new ForbiddenError('Genomförandet avslutas av enhetens chef eller samordnare.');
    }
    if (providerCase.closedOn !== null) throw new ConflictError(`Genomförandet avslutades redan ${providerCase.closedOn}.`);
    if (providerCase.version !== request.version) throw new ConflictError();

    const today = todayInSweden();
    const periods = await repo.listDeliveryPeriods(trx, providerCase.personId, providerCase.providerUnitId);
    if (periods.some((period) => isOngoingOrPlanned(period, today))) {
      throw new ConflictError('Genomförandet kan inte avslutas: personen har insatser på enheten som pågår eller är planerade. Avsluta dem först.');
    }
    const lastDeliveryEnd = periods.reduce<string | null>((last, period) => (last === null || period.periodTo! > last ? period.periodTo : last), null);
    const problem = policy.closingDateProblem(request.closedOn, { today, openedOn: providerCase.openedOn, lastDeliveryEnd });
    if (problem) throw new ValidationError({ closedOn: problem });

    const version = await repo.markClosed(trx, providerCase.id, request.version, request.closedOn, actor.userId);
    if (version === undefined) throw new ConflictError();
    await repo.endProviderCaseLinks(trx, providerCase.personId, providerCase.providerUnitId, request.closedOn);
    // The journal (genomförandejournal) is closed here too once it exists (a later issue), in this
    // transaction: a closed provider case takes no new entries.
    await writeAudit(trx, actor, {
      action: 'provider_case.close', entityType: 'provider_case', entityId: providerCase.id, personId: providerCase.personId,
      details: { unitId: providerCase.providerUnitId, closedOn: request.closedOn, lastDeliveryEnd },
    });
    return { providerCaseId: providerCase.id, closedOn: request.closedOn, version };
  });
}
