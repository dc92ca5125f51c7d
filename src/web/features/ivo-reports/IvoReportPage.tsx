/**
 * Rapport till IVO (/ivo/rapport?kvartal=2026-Q2): the quarter's report as of its last day for the
 * case officer's own cases or the authority manager's units. Rows whose free texts are missing are
 * flagged and link to the form that records them; the report downloads as PDF (for the record) and
 * CSV (for IVO's form), and the authority manager marks it reported once sent.
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { todayInSweden } from '../../../domain/dates.ts';
import {
  currentReportingQuarter,
  formatQuarter,
  parseQuarter,
  previousQuarter,
  quarterLabel,
  quarterOf,
  type Quarter,
} from '../../../domain/ivo-report.ts';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Select } from '../../components/Select.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Table } from '../../components/Table.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import {
  ivoKeys,
  markReported,
  reportCsvUrl,
  reportPdfUrl,
  useQuarterReport,
  type IvoReportRow,
} from './ivoReports.api.ts';
import { detailsPath, ROW_KIND_LABELS, SEX_LABELS } from './ivoLabels.ts';
import './ivo-reports.css';

/** The quarters to choose from: this one and the eight before it, newest first. */
function quarterOptions(today: string): Quarter[] {
  const options: Quarter[] = [quarterOf(today)];
  while (options.length < 9) options.push(previousQuarter(options.at(-1)!));
  return options;
}

export function IvoReportPage() {
  const [params, setParams] = useSearchParams();
  const today = todayInSweden();
  const asked = parseQuarter(params.get('kvartal') ?? '');
  const quarter = formatQuarter(asked ?? currentReportingQuarter(today));
  const options = quarterOptions(today).map((option) => ({
    value: formatQuarter(option),
    label: quarterLabel(option),
  }));
  if (!options.some((option) => option.value === quarter)) {
    options.push({ value: quarter, label: quarterLabel(parseQuarter(quarter)!) });
  }
  const report = useQuarterReport(quarter);
  const queryClient = useQueryClient();
  const [isConfirming, setConfirming] = useState(false);
  const [isMarking, setMarking] = useState(false);
  const [markError, setMarkError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const data = report.data;
  const missingCount = data?.rows.filter((row) => row.missing.length > 0).length ?? 0;

  const mark = async () => {
    if (!data) return;
    setMarking(true);
    setMarkError(null);
    try {
      const marked = await markReported(quarter, {
        rows: data.rows.map((row) => ({ subjectKind: row.subjectKind, subjectId: row.subjectId })),
      });
      queryClient.setQueryData(ivoKeys.report(quarter), marked);
      setConfirming(false);
      setNotice(`${marked.quarterLabel} är markerat som rapporterat till IVO.`);
    } catch (error) {
      setMarkError(isApiError(error) ? error.message : 'Ett oväntat fel inträffade. Försök igen.');
      if (isApiError(error, 409)) void queryClient.invalidateQueries({ queryKey: ivoKeys.report(quarter) });
    } finally {
      setMarking(false);
    }
  };

  return (
    <section className="page ivo-report">
      <PageTitle>Rapport till IVO</PageTitle>
      <p className="lead">
        Beviljade beslut som inte verkställts inom tre månader, och avbrott som inte återupptagits inom tre månader,
        rapporteras till IVO varje kvartal tills de verkställs eller upphör.
      </p>
      <div className="ivo-report__choice">
        <Select
          label="Kvartal"
          value={quarter}
          options={options}
          onChange={(value) => {
            setNotice(null);
            setParams({ kvartal: value });
          }}
        />
      </div>
      {notice && <Alert tone="success">{notice}</Alert>}
      {report.isPending && <Spinner />}
      <ErrorAlert error={report.error} />
      {data && (
        <>
          <dl className="facts">
            <div>
              <dt>Kommun</dt>
              <dd>{data.municipalityName}</dd>
            </div>
            <div>
              <dt>Nämnd</dt>
              <dd>{data.boardName}</dd>
            </div>
            <div>
              <dt>Per</dt>
              <dd>{formatDate(data.referenceDate)}</dd>
            </div>
            <div>
              <dt>Rapporteras till IVO</dt>
              <dd>
                {formatDate(data.window.opensOn)} – {formatDate(data.window.closesOn)}
              </dd>
            </div>
            <div>
              <dt>Rapporterande person</dt>
              <dd>{data.reportingPerson}</dd>
            </div>
            <div>
              <dt>Markerad som rapporterad</dt>
              <dd>
                {data.markings.length === 0
                  ? 'Nej'
                  : data.markings
                      .map((marking) => `${formatDateTime(marking.reportedAt)} av ${marking.reportedByName}`)
                      .join(', ')}
              </dd>
            </div>
          </dl>
          <p role="status" className="status-message status-message--neutral">
            {data.rows.length === 0
              ? `Inga beslut att rapportera för ${data.quarterLabel.toLowerCase()}.`
              : `${data.rows.length} ${data.rows.length === 1 ? 'rad' : 'rader'} att rapportera.`}
          </p>
          {missingCount > 0 && (
            <Alert tone="warning">
              {missingCount === 1 ? 'En rad saknar' : `${missingCount} rader saknar`} skäl till dröjsmålet eller
              konsekvenser för den enskilde. Fyll i dem via länken på raden.
            </Alert>
          )}
          <ReportTable rows={data.rows} caption={`Rapport till IVO, ${data.quarterLabel}`} />
          <div className="button-row">
            <a
              className="button button--secondary"
              href={reportPdfUrl(quarter)}
              download={`ivo-rapport-${quarter}.pdf`}
            >
              Ladda ner PDF
            </a>
            <a
              className="button button--secondary"
              href={reportCsvUrl(quarter)}
              download={`ivo-rapport-${quarter}.csv`}
            >
              Ladda ner CSV
            </a>
            {data.canMark && (
              <button
                type="button"
                className="button button--primary"
                onClick={() => {
                  setMarkError(null);
                  setConfirming(true);
                }}
              >
                Markera som rapporterad
              </button>
            )}
          </div>
          <ConfirmDialog
            open={isConfirming}
            title="Markera som rapporterad"
            confirmLabel="Markera som rapporterad"
            danger={false}
            busy={isMarking}
            error={markError}
            onConfirm={() => void mark()}
            onCancel={() => setConfirming(false)}
          >
            <p>
              {data.quarterLabel} med {data.rows.length} {data.rows.length === 1 ? 'rad' : 'rader'} markeras som
              rapporterat till IVO. Nästa kvartal visar raderna som återrapport eller med datum för verkställighet.
              Markeringen kan inte ångras.
            </p>
            {missingCount > 0 && (
              <p>
                <strong>Observera:</strong> {missingCount} {missingCount === 1 ? 'rad saknar' : 'rader saknar'}{' '}
                uppgifter.
              </p>
            )}
          </ConfirmDialog>
        </>
      )}
    </section>
  );
}

function personLabel(row: IvoReportRow): string {
  const name = row.person.protectedIdentity ? 'Skyddad identitet' : `${row.person.firstName} ${row.person.lastName}`;
  return `${name}, ${row.identity}`;
}

function ReportTable({ rows, caption }: { rows: readonly IvoReportRow[]; caption: string }) {
  return (
    <Table<IvoReportRow>
      caption={caption}
      rows={rows}
      rowKey={(row) => `${row.subjectKind}:${row.subjectId}`}
      empty="Inga rader."
      rowClassName={(row) => (row.missing.length > 0 ? 'ivo-report__row--missing' : undefined)}
      columns={[
        {
          key: 'person',
          header: 'Person',
          isRowHeader: true,
          render: (row) => (
            <>
              {personLabel(row)}
              <span className="muted">
                {' '}
                ({SEX_LABELS[row.sex]}, {row.birthYear}
                {row.isPseudonym ? ', pseudonym' : ''})
              </span>
            </>
          ),
        },
        { key: 'kind', header: 'Typ', render: (row) => <span className="tag">{ROW_KIND_LABELS[row.kind]}</span> },
        {
          key: 'decision',
          header: 'Beslut',
          render: (row) => (
            <>
              <Link to={`/arenden/${row.caseId}`}>{row.decisionNumber}</Link> {row.legalBasis}, {row.interventionType}
            </>
          ),
        },
        {
          key: 'dates',
          header: 'Datum',
          render: (row) => (
            <ul className="plain-list">
              <li>Beslut {formatDate(row.decisionDate)}</li>
              {row.interruptionDate && <li>Avbrott {formatDate(row.interruptionDate)}</li>}
              {row.deliveredOn && <li>Verkställt {formatDate(row.deliveredOn)}</li>}
              {row.endedOn && <li>Upphörde {formatDate(row.endedOn)}</li>}
            </ul>
          ),
        },
        {
          key: 'texts',
          header: 'Uppgifter',
          render: (row) => (
            <>
              {row.missing.length > 0 ? (
                <strong className="ivo-report__missing">Saknas: {missingText(row)}</strong>
              ) : (
                <span>{row.delayReason ?? '–'}</span>
              )}{' '}
              <Link to={detailsPath(row.subjectKind, row.subjectId)}>
                {row.missing.length > 0 ? 'Fyll i' : 'Visa'}
                <span className="visually-hidden"> uppgifter för {row.decisionNumber}</span>
              </Link>
            </>
          ),
        },
      ]}
    />
  );
}

function missingText(row: IvoReportRow): string {
  return row.missing
    .map((field) => (field === 'delayReason' ? 'skäl till dröjsmålet' : 'konsekvenser för den enskilde'))
    .join(' och ');
}
