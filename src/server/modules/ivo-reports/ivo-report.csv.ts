/**
 * The report as CSV: one row per report, the columns named after the fields of IVO's form. UTF-8
 * with a byte order mark and semicolons, the way Excel opens a file in Swedish without asking.
 * A cell that a spreadsheet would take for a formula (=, +, -, @) is written as text.
 */
import type { IvoQuarterReport } from '../../../contract/ivo-reports.ts';
import { offersText, ROW_KIND_LABELS, SEX_LABELS } from './ivo-report.labels.ts';

export const CSV_COLUMNS = [
  'Kommun',
  'Nämnd',
  'Kvartal',
  'Rapporterande person',
  'Typ av rapport',
  'Personnummer',
  'Kön',
  'Födelseår',
  'Lag och paragraf',
  'Insatstyp',
  'Beslutsdatum',
  'Datum för avbrott',
  'Verkställighetsdatum',
  'Datum då beslutet upphörde',
  'Skäl till dröjsmålet',
  'Konsekvenser för den enskilde',
  'Mellanliggande insatser',
  'Erbjudanden',
] as const;

function cell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function ivoReportCsv(report: IvoQuarterReport): Buffer {
  const lines = [CSV_COLUMNS.map(cell).join(';')];
  for (const row of report.rows) {
    lines.push(
      [
        report.municipalityName,
        report.boardName,
        report.quarterLabel,
        report.reportingPerson,
        ROW_KIND_LABELS[row.kind],
        row.identity,
        SEX_LABELS[row.sex],
        row.birthYear,
        row.legalBasis,
        row.interventionType,
        row.decisionDate,
        row.interruptionDate,
        row.deliveredOn,
        row.endedOn,
        row.delayReason,
        row.consequences,
        row.interimSupport,
        offersText(row.offers),
      ]
        .map(cell)
        .join(';'),
    );
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
