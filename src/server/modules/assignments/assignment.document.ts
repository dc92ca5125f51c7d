/**
 * The assignment document (PDF), the same for the authority and the provider: who — with the
 * address and phone where the reader may have them — and what, the granted interventions with
 * their scope, the total granted time rounded up to the quarter hour, two staff, needs and goals
 * per life area, instructions, hand-over and when it was sent.
 */
import type { Content } from 'pdfmake/interfaces';
import { factGrid, framedDocument, renderPdf } from '../../platform/pdf/pdf.ts';
import { formatMinutesAsHours } from '../../../domain/granted-time.ts';
import type { TimeScopeUnit } from '../../../domain/assignment-time.ts';
import { LIFE_AREA_NAMES, type AssignmentDetail, type Weekday } from '../../../contract/assignments.ts';

const SCOPE_UNIT_TEXT: Record<TimeScopeUnit, string> = {
  hours_per_month: 'tim/månad',
  hours_per_week: 'tim/vecka',
  times_per_day: 'ggr/dygn',
  times_per_week: 'ggr/vecka',
  times_per_month: 'ggr/månad',
  days_per_month: 'dygn/månad',
  nights_per_month: 'nätter/månad',
  none: '',
};
const WEEKDAY_TEXT: Record<Weekday, string> = {
  mon: 'mån',
  tue: 'tis',
  wed: 'ons',
  thu: 'tor',
  fri: 'fre',
  sat: 'lör',
  sun: 'sön',
};
const SERVICE_AREA_TEXT = {
  AO: 'Äldreomsorg',
  FH: 'Funktionshinder (SoL)',
  LSS: 'LSS',
  IFO: 'Individ- och familjeomsorg',
} as const;
const SENT_VIA_TEXT = { system: 'i Vardag', secure_mail: 'med säker e-post', post: 'per post' } as const;

const number = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });
const dateTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** 0.33 → "0,33", the way staff write numbers. */
function decimal(value: number): string {
  return number.format(value).replace('\u2212', '-');
}

/** An ISO timestamp as "2026-03-02 14:30" in Swedish time. */
function swedishDateTime(iso: string | null): string {
  if (!iso) return '–';
  const parts = Object.fromEntries(dateTime.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

export interface DocumentInput {
  assignment: AssignmentDetail;
  municipalityName: string;
  /** The person's name as the reader may see it; null prints "Skyddad identitet". */
  personName: string | null;
}

export function assignmentFilename(assignmentNumber: string): string {
  return `uppdrag-${assignmentNumber}.pdf`;
}

export async function renderAssignmentDocument(input: DocumentInput): Promise<Buffer> {
  const { assignment } = input;
  const isDraft = assignment.status === 'draft';
  return renderPdf(
    framedDocument({
      title: `Uppdrag ${assignment.assignmentNumber}`,
      issuer: input.municipalityName,
      watermark: isDraft ? 'UTKAST' : undefined,
      content: [
        { text: `Uppdrag ${assignment.assignmentNumber}`, style: 'title' },
        { text: isDraft ? 'UTKAST – uppdraget är inte skickat' : sentLine(assignment), style: 'subtitle' },
        { text: 'Person', style: 'heading' },
        factGrid([
          ['Personnummer', assignment.person.identityNumber],
          ['Namn', input.personName ?? 'Skyddad identitet'],
          ...contactFacts(assignment),
        ]),
        { text: 'Adress och telefon som de står i Vardag när dokumentet skrivs ut.', style: 'muted' },
        { text: 'Ärende och beslut', style: 'heading' },
        factGrid([
          ['Ärende', assignment.caseNumber],
          ['Verksamhetsområde', SERVICE_AREA_TEXT[assignment.serviceArea]],
          ['Myndighetsenhet', assignment.authorityUnitName],
          ['Beslut', assignment.decision.decisionNumber],
          ['Lagrum', assignment.decision.legalBasisCode],
          ['Beslutsdatum', assignment.decision.decisionDate],
          ['Beslutsperiod', `${assignment.decision.periodFrom} – ${assignment.decision.periodTo ?? 'tills vidare'}`],
          ['Ersätter uppdrag', assignment.replacesAssignment?.assignmentNumber ?? '–'],
        ]),
        { text: 'Utförare', style: 'heading' },
        factGrid([
          ['Utförare', assignment.provider.name],
          [
            'Regi',
            `${assignment.provider.ownership === 'private' ? 'Enskild regi' : 'Egen regi'}${assignment.provider.hasSystemAccess ? '' : ', utan systemåtkomst'}`,
          ],
        ]),
        { text: 'Beviljade insatser', style: 'heading' },
        interventionTable(assignment),
        {
          text: `Beviljad tid totalt: ${formatMinutesAsHours(assignment.totalGrantedMinutes)} per månad`,
          style: 'emphasis',
          margin: [0, 10, 0, 2],
        },
        { text: 'Summan av insatsernas tid per månad, avrundad uppåt till närmaste kvart.', style: 'muted' },
        ...twoStaffLines(assignment),
        { text: 'Behov och mål per livsområde', style: 'heading' },
        ...lifeAreaBlocks(assignment),
        { text: 'Instruktioner till utföraren', style: 'heading' },
        {
          text: assignment.instructions ?? 'Inga särskilda instruktioner.',
          style: assignment.instructions ? undefined : 'muted',
        },
        { text: 'Överlämning', style: 'heading' },
        factGrid([
          ['Ny brukare', assignment.isNewClient ? 'Ja' : 'Nej'],
          ['Muntlig överlämning per telefon till', assignment.handoverBy ?? '–'],
          ['Överlämning gjord', swedishDateTime(assignment.handoverAt)],
          ['Skrivet av', `${assignment.createdByName}, ${swedishDateTime(assignment.createdAt)}`],
          [
            'Skickat av',
            assignment.sentByName ? `${assignment.sentByName}, ${swedishDateTime(assignment.sentAt)}` : 'Inte skickat',
          ],
          ['Skickat', assignment.sentVia ? SENT_VIA_TEXT[assignment.sentVia] : '–'],
        ]),
      ],
    }),
  );
}

/**
 * Address and phones as the reader may have them (assignment.policy.ts canReadPersonContact). A
 * protected identity's are never printed, not even for those who may print the name: paper leaves
 * Vardag's access control and log, and the address is what the protection is for.
 */
function contactFacts(assignment: AssignmentDetail): [string, string][] {
  if (assignment.person.protectedIdentity)
    return [
      ['Adress', 'Skyddad identitet – visas inte'],
      ['Telefon', 'Skyddad identitet – visas inte'],
    ];
  const contact = assignment.personContact;
  if (!contact) {
    const hidden = 'Visas inte: uppdraget är inte aktuellt hos utföraren';
    return [
      ['Adress', hidden],
      ['Telefon', hidden],
    ];
  }
  const { address } = contact;
  const phones = [contact.phone, contact.mobilePhone && `${contact.mobilePhone} (mobil)`].filter(Boolean);
  return [
    [
      'Adress',
      address
        ? [address.careOf && `c/o ${address.careOf}`, address.street, `${address.postalCode} ${address.city}`]
            .filter(Boolean)
            .join(', ')
        : 'Ingen adress registrerad',
    ],
    ['Telefon', phones.length ? phones.join(', ') : 'Inget telefonnummer registrerat'],
  ];
}

function sentLine(assignment: AssignmentDetail): string {
  const via = assignment.sentVia ? ` ${SENT_VIA_TEXT[assignment.sentVia]}` : '';
  return `Skickat ${swedishDateTime(assignment.sentAt)}${via} av ${assignment.sentByName ?? '–'} till ${assignment.provider.name}`;
}

function scopeText(row: AssignmentDetail['interventions'][number]): string {
  if (row.scopeUnit === 'none' || row.grantedAmount === null) return 'Enligt beslut';
  return `${decimal(row.grantedAmount)} ${SCOPE_UNIT_TEXT[row.scopeUnit]}`;
}

function interventionTable(assignment: AssignmentDetail): Content {
  const header = [
    'Insats',
    'Beviljad omfattning',
    'Min/tillfälle',
    'Planerade dagar',
    'Tider',
    'Två personal',
    'Tid/månad',
  ].map((text) => ({ text, style: 'tableHeader' }));
  const rows = assignment.interventions.map((row) => [
    { stack: [{ text: row.name, bold: true }, ...(row.note ? [{ text: row.note, style: 'muted' }] : [])] },
    scopeText(row),
    row.minutesPerOccasion === null ? '–' : decimal(row.minutesPerOccasion),
    row.plannedDays.length ? row.plannedDays.map((day) => WEEKDAY_TEXT[day]).join(', ') : '–',
    row.plannedTimes ?? '–',
    row.isTwoStaff ? 'Ja' : 'Nej',
    { text: row.monthlyMinutes > 0 ? formatMinutesAsHours(Math.round(row.monthlyMinutes)) : '–', noWrap: true },
  ]);
  return {
    table: { headerRows: 1, widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto'], body: [header, ...rows] },
    layout: 'lightHorizontalLines',
  };
}

function twoStaffLines(assignment: AssignmentDetail): Content[] {
  const twoStaff = assignment.interventions.filter((row) => row.isTwoStaff);
  if (twoStaff.length === 0) return [{ text: 'Ingen insats kräver dubbelbemanning.', margin: [0, 6, 0, 0] }];
  return [
    {
      text: `Dubbelbemanning krävs för: ${twoStaff.map((row) => row.name).join(', ')}.`,
      bold: true,
      margin: [0, 6, 0, 2],
    },
    {
      text: `Personaltid med dubbelbemanning: ${formatMinutesAsHours(assignment.totalStaffMinutes)} per månad (avrundat uppåt till närmaste kvart).`,
    },
  ];
}

function lifeAreaBlocks(assignment: AssignmentDetail): Content[] {
  if (assignment.lifeAreas.length === 0) return [{ text: 'Inga livsområden är beskrivna.', style: 'muted' }];
  return assignment.lifeAreas.map(
    (area): Content => ({
      unbreakable: true,
      margin: [0, 0, 0, 8],
      stack: [
        { text: LIFE_AREA_NAMES[area.lifeArea], bold: true },
        { text: [{ text: 'Behov: ', style: 'label' }, area.need ?? '–'] },
        { text: [{ text: 'Mål: ', style: 'label' }, area.goal ?? '–'] },
      ],
    }),
  );
}
