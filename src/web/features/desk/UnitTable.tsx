/** The position's units with their person counts ("Mina enheter"). */
import { Link } from 'react-router-dom';
import type { DeskOverview } from '../../../contract/desk.ts';
import { Table } from '../../components/Table.tsx';
import { formatNumber } from '../../format.ts';
import { SERVICE_AREA_LABELS, SERVICE_AREA_SHORT, UNIT_KIND_LABELS } from '../../i18n/labels.ts';

type DeskUnit = DeskOverview['units'][number];

export function UnitTable({
  units,
  caption,
  captionHidden,
}: {
  units: readonly DeskUnit[];
  caption: string;
  captionHidden?: boolean;
}) {
  return (
    <Table
      caption={caption}
      captionHidden={captionHidden ?? false}
      rows={units}
      rowKey={(unit) => unit.id}
      empty="Inga enheter med personer i din befattning."
      columns={[
        {
          key: 'name',
          header: 'Enhet',
          isRowHeader: true,
          render: (unit) => <Link to={`/enheter/${unit.id}`}>{unit.name}</Link>,
        },
        { key: 'kind', header: 'Typ', render: (unit) => UNIT_KIND_LABELS[unit.kind] ?? unit.kind },
        {
          key: 'area',
          header: 'Verksamhetsområde',
          render: (unit) => (
            <abbr title={SERVICE_AREA_LABELS[unit.serviceArea]}>{SERVICE_AREA_SHORT[unit.serviceArea]}</abbr>
          ),
        },
        { key: 'count', header: 'Personer', className: 'numeric', render: (unit) => formatNumber(unit.personCount) },
      ]}
    />
  );
}
