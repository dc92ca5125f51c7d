/** The Swedish words the report's exports print (the web has its own in features/ivo-reports). */
import type { IvoRowKind } from '../../../domain/ivo-report.ts';
import type { IvoOffer } from '../../../contract/ivo-reports.ts';

export const ROW_KIND_LABELS: Readonly<Record<IvoRowKind, string>> = {
  new: 'Ny',
  re_report: 'Återrapport',
  delivered: 'Verkställt',
  ended: 'Avslutat',
};

export const SEX_LABELS = { female: 'Kvinna', male: 'Man' } as const;

/** "2026-05-02 avböjt (plats på Solgården); 2026-06-01". */
export function offersText(offers: readonly IvoOffer[]): string {
  return offers
    .map((offer) =>
      [offer.offeredOn, offer.isDeclined ? 'avböjt' : null, offer.note ? `(${offer.note})` : null]
        .filter((part) => part !== null)
        .join(' '),
    )
    .join('; ');
}
