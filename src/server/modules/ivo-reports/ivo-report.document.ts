/**
 * The quarter report as PDF, for the record: the report details (municipality, board, quarter,
 * reporting person, IVO's window), then one section per report in the order of IVO's form — the
 * person (identity number or pseudonym, sex, birth year), the decision (law and paragraph,
 * intervention type, the dates) and the free texts. No names: IVO's form has none.
 */
import type { Content } from 'pdfmake/interfaces';
import { factGrid, framedDocument, renderPdf } from '../../platform/pdf/pdf.ts';
import type { IvoQuarterReport, IvoReportRow } from '../../../contract/ivo-reports.ts';
import { offersText, ROW_KIND_LABELS, SEX_LABELS } from './ivo-report.labels.ts';

function rowSection(row: IvoReportRow, index: number): Content {
  return {
    stack: [
      { text: `${index + 1}. ${ROW_KIND_LABELS[row.kind]} – ${row.interventionType}`, style: 'heading' },
      factGrid([
        [row.isPseudonym ? 'Personnummer (pseudonym)' : 'Personnummer', row.identity],
        ['Kön och födelseår', `${SEX_LABELS[row.sex]}, ${row.birthYear}`],
        ['Lag och paragraf', row.legalBasis],
        ['Insatstyp', row.interventionType],
        ['Beslutsdatum', row.decisionDate],
        ['Datum för avbrott', row.interruptionDate ?? ''],
        ['Verkställighetsdatum', row.deliveredOn ?? ''],
        ['Datum då beslutet upphörde', row.endedOn ?? ''],
      ]),
      factGrid([
        ['Skäl till dröjsmålet', row.delayReason ?? ''],
        ['Konsekvenser för den enskilde', row.consequences ?? ''],
        ['Mellanliggande insatser', row.interimSupport ?? ''],
        ['Erbjudanden', offersText(row.offers)],
      ]),
    ],
    unbreakable: true,
  };
}

export async function renderIvoReportPdf(report: IvoQuarterReport, printedOn: string): Promise<Buffer> {
  const title = `Ej verkställda beslut – ${report.quarterLabel}`;
  const content: Content[] = [
    { text: 'Rapport till IVO om ej verkställda beslut', style: 'title' },
    { text: `${report.quarterLabel}, per ${report.referenceDate}`, style: 'subtitle' },
    factGrid([
      ['Kommun', report.municipalityName],
      ['Nämnd', report.boardName],
      ['Kvartal', report.quarterLabel],
      ['Rapporterande person', report.reportingPerson],
      ['Rapporteringsperiod hos IVO', `${report.window.opensOn} – ${report.window.closesOn}`],
      ['Utskrivet', printedOn],
    ]),
    report.rows.length === 0
      ? { text: 'Inga beslut att rapportera för kvartalet.', style: 'muted', margin: [0, 12, 0, 0] }
      : { stack: report.rows.map(rowSection) },
  ];
  return renderPdf(framedDocument({ title, issuer: report.municipalityName, content }));
}
