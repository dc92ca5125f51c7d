/**
 * Exempelkommun's catalogues: the legal bases its decisions rest on and the intervention types of
 * ÄO, FH, LSS and IFO. Names follow the IFO provider manual's statistics lists (IFO and FH SoL)
 * where they name them — "Öppenvård 0-20", "Utslussboende (EKb)", and the four
 * "Stöd i boendet" variants that differ by agreement, which a report must let staff tick together.
 * No other near-duplicates: two names for one thing ("Boendestöd" beside "Stöd i boendet") only
 * make a case officer guess, and split the statistics.
 *
 * Legal bases: only references we are sure of, each with the service areas whose decisions may
 * rest on it. Socialtjänstlagen (2001:453) applied from 2002-01-01 until the new Socialtjänstlag
 * (2025:400) replaced it on 2025-07-01, which moved bistånd from 4 kap. 1 § to 11 kap. 1 §; other
 * SoL paragraphs are left out until their new numbers are checked. Bistånd is granted in ÄO, FH
 * and IFO. LSS (1993:387) has applied since 1994-01-01, for LSS decisions only; HSL (2017:30) since
 * 2017-04-01, for the municipality's health care in ÄO, FH and LSS housing. National statistics
 * codes stay null until someone maps them against Socialstyrelsen's lists.
 */
import { SOL_AREAS, type InterventionTypeSpec, type LegalBasisSpec } from '../lib/catalogue.ts';

const SOL = 'SoL 11 kap. 1 §';
const HSL = 'HSL (2017:30)';
const LSS_START = '1994-01-01';
const LSS_ONLY: LegalBasisSpec['serviceAreas'] = ['LSS'];

export const DEMO_LEGAL_BASES: LegalBasisSpec[] = [
  {
    code: 'SoL 4 kap. 1 §',
    description: 'Bistånd till försörjning och livsföring i övrigt (SoL 2001:453)',
    validFrom: '2002-01-01',
    validTo: '2025-06-30',
    serviceAreas: SOL_AREAS,
  },
  {
    code: SOL,
    description: 'Bistånd till försörjning och livsföring i övrigt (SoL 2025:400)',
    validFrom: '2025-07-01',
    serviceAreas: SOL_AREAS,
  },
  {
    code: HSL,
    description: 'Kommunens hälso- och sjukvård, t.ex. hemsjukvård (hälso- och sjukvårdslagen)',
    validFrom: '2017-04-01',
    serviceAreas: ['AO', 'FH', 'LSS'],
  },
  { code: 'LSS 9 § 2', description: 'Personlig assistans', validFrom: LSS_START, serviceAreas: LSS_ONLY },
  { code: 'LSS 9 § 3', description: 'Ledsagarservice', validFrom: LSS_START, serviceAreas: LSS_ONLY },
  { code: 'LSS 9 § 4', description: 'Kontaktperson', validFrom: LSS_START, serviceAreas: LSS_ONLY },
  { code: 'LSS 9 § 5', description: 'Avlösarservice i hemmet', validFrom: LSS_START, serviceAreas: LSS_ONLY },
  {
    code: 'LSS 9 § 6',
    description: 'Korttidsvistelse utanför det egna hemmet',
    validFrom: LSS_START,
    serviceAreas: LSS_ONLY,
  },
  {
    code: 'LSS 9 § 7',
    description: 'Korttidstillsyn för skolungdom över 12 år',
    validFrom: LSS_START,
    serviceAreas: LSS_ONLY,
  },
  {
    code: 'LSS 9 § 8',
    description: 'Boende i familjehem eller bostad med särskild service för barn eller ungdomar',
    validFrom: LSS_START,
    serviceAreas: LSS_ONLY,
  },
  {
    code: 'LSS 9 § 9',
    description: 'Bostad med särskild service för vuxna',
    validFrom: LSS_START,
    serviceAreas: LSS_ONLY,
  },
  { code: 'LSS 9 § 10', description: 'Daglig verksamhet', validFrom: LSS_START, serviceAreas: LSS_ONLY },
];

const elderlyCare: InterventionTypeSpec[] = [
  { serviceArea: 'AO', name: 'Personlig omvårdnad', keyCode: 'HTJ-PO', legalBasis: SOL, scopeUnit: 'hours_per_month' },
  {
    serviceArea: 'AO',
    name: 'Personlig omvårdnad natt',
    keyCode: 'HTJ-PON',
    legalBasis: SOL,
    scopeUnit: 'times_per_day',
  },
  { serviceArea: 'AO', name: 'Service', keyCode: 'HTJ-SE', legalBasis: SOL, scopeUnit: 'hours_per_month' },
  { serviceArea: 'AO', name: 'Tillsyn', keyCode: 'HTJ-TI', legalBasis: SOL, scopeUnit: 'times_per_day' },
  {
    serviceArea: 'AO',
    name: 'Trygghetslarm',
    keyCode: 'TRL',
    legalBasis: SOL,
    scopeUnit: 'none',
    isCarePlanExempt: true,
    isPersonalAlarm: true,
  },
  { serviceArea: 'AO', name: 'Matdistribution', keyCode: 'MAT', legalBasis: SOL, scopeUnit: 'times_per_week' },
  { serviceArea: 'AO', name: 'Dagverksamhet', keyCode: 'DAG', legalBasis: SOL, scopeUnit: 'times_per_week' },
  {
    serviceArea: 'AO',
    name: 'Korttidsboende',
    keyCode: 'KTB',
    legalBasis: SOL,
    scopeUnit: 'days_per_month',
    isShortTermStay: true,
  },
  { serviceArea: 'AO', name: 'Särskilt boende', keyCode: 'SÄBO', legalBasis: SOL, scopeUnit: 'none' },
  { serviceArea: 'AO', name: 'Avlösning i hemmet', keyCode: 'AVL', legalBasis: SOL, scopeUnit: 'hours_per_month' },
  {
    serviceArea: 'AO',
    name: 'Hemsjukvård (HSL)',
    keyCode: 'HSL',
    legalBasis: HSL,
    scopeUnit: 'none',
    isCarePlanExempt: true,
  },
  {
    serviceArea: 'AO',
    name: 'Snöskottning',
    keyCode: 'SNÖ',
    legalBasis: SOL,
    scopeUnit: 'times_per_month',
    isActive: false,
  },
];

const disability: InterventionTypeSpec[] = [
  { serviceArea: 'FH', name: 'Stöd i boendet', keyCode: 'FH-SIB', legalBasis: SOL, scopeUnit: 'hours_per_week' },
  {
    serviceArea: 'FH',
    name: 'Stöd i boendet (särskilt avtal)',
    keyCode: 'FH-SIB-SA',
    legalBasis: SOL,
    scopeUnit: 'hours_per_week',
  },
  {
    serviceArea: 'FH',
    name: 'Stöd i boendet (särskilt avtal ext)',
    keyCode: 'FH-SIB-SAE',
    legalBasis: SOL,
    scopeUnit: 'hours_per_week',
  },
  {
    serviceArea: 'FH',
    name: 'Stöd i boendet (tillf. utökn. externt)',
    keyCode: 'FH-SIB-TUE',
    legalBasis: SOL,
    scopeUnit: 'hours_per_week',
  },
  { serviceArea: 'FH', name: 'Ledsagning', keyCode: 'FH-LED', legalBasis: SOL, scopeUnit: 'hours_per_month' },
  { serviceArea: 'FH', name: 'Kontaktperson', keyCode: 'FH-KP', legalBasis: SOL, scopeUnit: 'times_per_month' },
  {
    serviceArea: 'FH',
    name: 'Trygghetslarm',
    keyCode: 'FH-TRL',
    legalBasis: SOL,
    scopeUnit: 'none',
    isCarePlanExempt: true,
    isPersonalAlarm: true,
  },
];

/** LSS 9 § 2–10, each on its own paragraph. */
const lss: InterventionTypeSpec[] = [
  {
    serviceArea: 'LSS',
    name: 'Personlig assistans',
    keyCode: 'LSS2',
    legalBasis: 'LSS 9 § 2',
    scopeUnit: 'hours_per_week',
  },
  {
    serviceArea: 'LSS',
    name: 'Ledsagarservice',
    keyCode: 'LSS3',
    legalBasis: 'LSS 9 § 3',
    scopeUnit: 'hours_per_month',
  },
  { serviceArea: 'LSS', name: 'Kontaktperson', keyCode: 'LSS4', legalBasis: 'LSS 9 § 4', scopeUnit: 'times_per_month' },
  {
    serviceArea: 'LSS',
    name: 'Avlösarservice i hemmet',
    keyCode: 'LSS5',
    legalBasis: 'LSS 9 § 5',
    scopeUnit: 'hours_per_month',
  },
  {
    serviceArea: 'LSS',
    name: 'Korttidsvistelse utanför det egna hemmet',
    keyCode: 'LSS6',
    legalBasis: 'LSS 9 § 6',
    scopeUnit: 'days_per_month',
    isShortTermStay: true,
  },
  {
    serviceArea: 'LSS',
    name: 'Korttidstillsyn för skolungdom över 12 år',
    keyCode: 'LSS7',
    legalBasis: 'LSS 9 § 7',
    scopeUnit: 'days_per_month',
  },
  {
    serviceArea: 'LSS',
    name: 'Boende i familjehem eller bostad med särskild service för barn eller ungdomar',
    keyCode: 'LSS8',
    legalBasis: 'LSS 9 § 8',
    scopeUnit: 'none',
  },
  {
    serviceArea: 'LSS',
    name: 'Bostad med särskild service för vuxna',
    keyCode: 'LSS9',
    legalBasis: 'LSS 9 § 9',
    scopeUnit: 'none',
  },
  {
    serviceArea: 'LSS',
    name: 'Daglig verksamhet',
    keyCode: 'LSS10',
    legalBasis: 'LSS 9 § 10',
    scopeUnit: 'times_per_week',
  },
];

const individualAndFamily: InterventionTypeSpec[] = [
  { serviceArea: 'IFO', name: 'Öppenvård 0-20', keyCode: 'IFO-ÖV0', legalBasis: SOL, scopeUnit: 'hours_per_week' },
  { serviceArea: 'IFO', name: 'Öppenvård 21-64', keyCode: 'IFO-ÖV21', legalBasis: SOL, scopeUnit: 'hours_per_week' },
  { serviceArea: 'IFO', name: 'Utslussboende (EKb)', keyCode: 'IFO-UTB', legalBasis: SOL, scopeUnit: 'none' },
  { serviceArea: 'IFO', name: 'Familjestöd', keyCode: 'IFO-FS', legalBasis: SOL, scopeUnit: 'hours_per_week' },
  { serviceArea: 'IFO', name: 'Stödboende', keyCode: 'IFO-SB', legalBasis: SOL, scopeUnit: 'none' },
  { serviceArea: 'IFO', name: 'Kontaktfamilj', keyCode: 'IFO-KF', legalBasis: SOL, scopeUnit: 'nights_per_month' },
  { serviceArea: 'IFO', name: 'Kontaktperson', keyCode: 'IFO-KP', legalBasis: SOL, scopeUnit: 'times_per_month' },
];

export const DEMO_CATALOGUE: { legalBases: LegalBasisSpec[]; interventionTypes: InterventionTypeSpec[] } = {
  legalBases: DEMO_LEGAL_BASES,
  interventionTypes: [...elderlyCare, ...disability, ...lss, ...individualAndFamily],
};
