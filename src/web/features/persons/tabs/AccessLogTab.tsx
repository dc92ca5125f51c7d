/** Logg: who has read or changed the person, when, in which position and unit (managers only). */
import type { PersonDetail } from '../../../../contract/persons.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Spinner } from '../../../components/Spinner.tsx';
import { Table } from '../../../components/Table.tsx';
import { formatDateTime } from '../../../format.ts';
import { AUDIT_ACTION_LABELS } from '../../../i18n/labels.ts';
import { useAccessLog, type AccessLog } from '../persons.api.ts';

type Entry = AccessLog['entries'][number];

/** The audit log's section names (tabs and lists) in Swedish. */
const SECTION_LABELS: Record<string, string> = {
  core: 'Personuppgifter',
  contact: 'Telefon/E-post',
  visit_info: 'Besöksinfo',
  important_info: 'Viktigt att veta',
  addresses: 'Adress',
  person_relative: 'Närstående',
  person_reference_person: 'Referenspersoner',
  person_key: 'Nyckelnummer',
};

export function AccessLogTab({ person }: { person: PersonDetail }) {
  const log = useAccessLog(person.id);
  return (
    <section className="section">
      <h2>Logg</h2>
      <p className="muted">
        Vem som har läst eller ändrat personens uppgifter, senast först. Att du läser loggen loggas också.
      </p>
      {log.isPending && <Spinner />}
      <ErrorAlert error={log.error} />
      {log.data && (
        <Table<Entry>
          caption="Logg över läsningar och ändringar"
          captionHidden
          rows={log.data.entries}
          rowKey={(entry) => String(entry.id)}
          empty="Loggen är tom."
          columns={[
            {
              key: 'when',
              header: 'Tidpunkt',
              className: 'nowrap',
              isRowHeader: true,
              render: (entry) => formatDateTime(entry.occurredAt),
            },
            { key: 'who', header: 'Användare', render: (entry) => entry.userName },
            { key: 'position', header: 'Befattning', render: (entry) => entry.positionTitle ?? '–' },
            { key: 'unit', header: 'Enhet', render: (entry) => entry.unitName ?? '–' },
            { key: 'what', header: 'Händelse', render: (entry) => AUDIT_ACTION_LABELS[entry.action] ?? entry.action },
            {
              key: 'detail',
              header: 'Detalj',
              render: (entry) =>
                entry.reason
                  ? `Skäl: ${entry.reason}`
                  : entry.section
                    ? (SECTION_LABELS[entry.section] ?? entry.section)
                    : '–',
            },
          ]}
        />
      )}
    </section>
  );
}
