/**
 * Storkommun's 100,000 persons, generated without I/O from a seed so every run makes the same
 * people. About 70 % are elderly in ÄO, spread over the provider units so that the big home-care
 * units have about 3,000 persons each; the rest are FH, LSS and IFO clients. Names follow a skewed
 * frequency (Andersson is common, Åkesson rare), as in a real population.
 */
import { FEMALE_NAMES, LAST_NAMES, MALE_NAMES, STREETS } from '../lib/names.ts';
import { pick } from '../lib/random.ts';
import { testPersonnummer } from '../lib/test-numbers.ts';
import { parseIdentityNumber, type Sex } from '../../src/domain/identity-number.ts';
import { formatDateParts, swedishCalendarDate } from '../../src/domain/dates.ts';
import { createReserveNumberIssuer } from './reserve-numbers.ts';
import { AO_AUTHORITY_UNITS, CARE_HOMES, HOME_CARE_DISTRICTS } from './organisation.ts';

export interface LargePerson {
  id: string;
  identityNumber: string;
  identityKind: string;
  birthDate: string;
  sex: Sex;
  firstName: string;
  lastName: string;
  protectedIdentity: boolean;
  deceasedDate: string | null;
  addresses: { street: string; postalCode: string; city: string; validFrom: string }[];
  links: { unit: string; source: 'case' | 'provider_case'; validFrom: string; validTo: string | null }[];
}

/** How many persons each ÄO provider unit has as its own (primary) clients. */
const AO_PROVIDER_QUOTAS: Record<string, number> = {
  ...Object.fromEntries(
    HOME_CARE_DISTRICTS.map((district, index) => [
      `Hemtjänst ${district}`,
      [3000, 3000, 3000, 2600, 2600, 2400, 2400, 2200, 2200, 2000, 2000, 1800, 1800, 1600][index]!,
    ]),
  ),
  ...Object.fromEntries(CARE_HOMES.map((home) => [home, 120])),
  'Allégården korttidsboende': 300,
  'Allégården dagverksamhet': 400,
  'Omsorgsbolaget Hemtjänst Centrum': 3000,
  'Omsorgsbolaget Hemtjänst Norr': 2500,
  'Omsorgsbolaget Hemtjänst Söder': 2500,
  'Nordomsorg Hemtjänst Berga': 2000,
  'Nordomsorg Hemtjänst Ekbacken': 2000,
  'Nordomsorg Hemtjänst Tallbo': 2000,
  'Privat Omsorg Norr': 1500,
};
/** Home-care clients who also have the night patrol or a safety alarm, as a second provider unit. */
const AO_SECOND_UNITS = { Nattpatrullen: 3000, Larmgruppen: 3000 };

interface OtherArea {
  count: number;
  bornFrom: number;
  bornTo: number;
  authorityUnits: readonly string[];
  /** Share of the area's persons with a provider unit. */
  providerShare: number;
  providerUnits: readonly string[];
}

const OTHER_AREAS: OtherArea[] = [
  {
    count: 8_000,
    bornFrom: 1960,
    bornTo: 2002,
    authorityUnits: ['FH myndighet'],
    providerShare: 0.6,
    providerUnits: [
      'Boendestöd Centrum',
      'Boendestöd Söder',
      'Boendestöd Norr',
      'Träffpunkten dagverksamhet',
      'Stödboende Linden',
    ],
  },
  {
    count: 7_000,
    bornFrom: 1965,
    bornTo: 2018,
    authorityUnits: ['LSS-handläggning Nord', 'LSS-handläggning Syd'],
    providerShare: 0.7,
    providerUnits: [
      'Daglig verksamhet Ängen',
      'Daglig verksamhet Verkstan',
      'Gruppbostad Solrosen',
      'Gruppbostad Blåklinten',
      'Gruppbostad Vallmon',
      'Gruppbostad Prästkragen',
      'Korttidsvistelse Solrosen',
      'Ledsagarservice',
      'Fritids LSS',
      'Personlig assistans Assistansbolaget',
      'Assistans i Väst',
    ],
  },
  {
    count: 15_000,
    bornFrom: 1960,
    bornTo: 2023,
    authorityUnits: [
      'IFO Mottagning och utredning',
      'IFO Barn och unga',
      'IFO Vuxenenheten myndighet',
      'IFO Ekonomiskt bistånd',
    ],
    providerShare: 0.4,
    providerUnits: [
      'Familjeteamet Bistånd öppenvård',
      'Hagadahl Service',
      'Berga Service',
      'Stödboende Kvarnen',
      'Ungdomsmottagningen',
      'Beroendeenheten öppenvård',
      'Kontaktpersoner IFO',
      'Skyddat boende Fyren',
      'Familjehemsenheten',
    ],
  },
];

export const AO_PERSONS = 70_000;
/** Test numbers born 1900–1919 become ÄO clients who died years ago: kept records, out of every scope. */
const HISTORIC_BORN = [1900, 1919] as const;
const ELDERLY_BORN = [1922, 1959] as const;

export function generateLargePersons(random: () => number, today: Date): LargePerson[] {
  const todayText = formatDateParts(swedishCalendarDate(today));
  const issueReserveNumber = createReserveNumberIssuer(random, today);
  const names = namePickers(random);
  const testNumbers = new TestNumberPool(random);
  const persons: LargePerson[] = [];

  const newPerson = (born: readonly [number, number], yearOf: () => number): LargePerson => {
    const year = yearOf();
    const digits = testNumbers.take(born[0], born[1], year);
    // More women than men among the old, as in life.
    const identityNumber = digits
      ? `${digits.slice(0, 8)}-${digits.slice(8)}`
      : issueReserveNumber(randomDateIn(random, year), random() < 0.56 ? 'female' : 'male');
    const parsed = parseIdentityNumber(identityNumber, today);
    if (!parsed.ok) throw new Error(`Generated identity number ${identityNumber}: ${parsed.error}`);
    const { sex, birthDate, kind } = parsed.value;
    return {
      id: uuidFrom(random),
      identityNumber: parsed.value.normalized,
      identityKind: kind,
      birthDate,
      sex,
      firstName: sex === 'female' ? names.female() : names.male(),
      lastName: names.last(),
      // About 0.3 % of the population has protected personal data (skyddade personuppgifter).
      protectedIdentity: random() < 0.003,
      deceasedDate: null,
      addresses: addressesFor(random, birthDate, todayText),
      links: [],
    };
  };

  // ÄO, historic: died between 2005 and 2019; their links ended then.
  const historicCount = testNumbers.countBornBetween(...HISTORIC_BORN);
  for (let i = 0; i < historicCount; i++) {
    const person = newPerson(HISTORIC_BORN, () => HISTORIC_BORN[0]);
    person.deceasedDate = randomDateBetween(random, '2005-01-01', '2019-12-31');
    const from = randomDateBetween(random, '2000-01-01', person.deceasedDate);
    person.links.push({
      unit: pick(random, AO_AUTHORITY_UNITS),
      source: 'case',
      validFrom: from,
      validTo: person.deceasedDate,
    });
    if (random() < 0.7)
      person.links.push({
        unit: `Hemtjänst ${pick(random, HOME_CARE_DISTRICTS)}`,
        source: 'provider_case',
        validFrom: from,
        validTo: person.deceasedDate,
      });
    persons.push(person);
  }

  // ÄO, living: every one has an authority case; the quotas decide who has which provider unit.
  const livingCount = AO_PERSONS - historicCount;
  const providerOf = shuffled(random, quotaList(AO_PROVIDER_QUOTAS, livingCount));
  const elderlyYear = () =>
    ELDERLY_BORN[0] + Math.floor(((random() + random()) / 2) * (ELDERLY_BORN[1] - ELDERLY_BORN[0] + 1));
  const homeCareClients: LargePerson[] = [];
  for (let i = 0; i < livingCount; i++) {
    const person = newPerson(ELDERLY_BORN, elderlyYear);
    const provider = providerOf[i];
    const from = randomDateBetween(random, '2018-01-01', todayText);
    const isCareHome = provider !== undefined && (CARE_HOMES as readonly string[]).includes(provider);
    const authority = isCareHome ? 'ÄO myndighet särskilt boende' : pick(random, AO_AUTHORITY_UNITS.slice(0, 4));
    person.links.push({ unit: authority, source: 'case', validFrom: from, validTo: null });
    if (provider) {
      person.links.push({ unit: provider, source: 'provider_case', validFrom: from, validTo: null });
      if (provider.startsWith('Hemtjänst ')) homeCareClients.push(person);
      // Some moved from another home-care unit: an ended link, a few within the recent period.
      if (random() < 0.08) {
        const ended = randomDateBetween(random, '2021-01-01', todayText);
        person.links.push({
          unit: `Hemtjänst ${pick(random, HOME_CARE_DISTRICTS)}`,
          source: 'provider_case',
          validFrom: '2018-01-01',
          validTo: ended,
        });
      }
    }
    if (random() < 0.015) {
      person.deceasedDate = randomDateBetween(random, maxDate(person.birthDate, addYears(todayText, -2)), todayText);
      for (const link of person.links) {
        if (link.validTo === null) {
          link.validFrom = minDate(link.validFrom, person.deceasedDate);
          link.validTo = person.deceasedDate;
        }
      }
    }
    persons.push(person);
  }
  const secondUnits = shuffled(random, quotaList(AO_SECOND_UNITS, homeCareClients.length));
  homeCareClients.forEach((person, index) => {
    const unit = secondUnits[index];
    const primary = person.links[1]!;
    if (unit)
      person.links.push({ unit, source: 'provider_case', validFrom: primary.validFrom, validTo: primary.validTo });
  });

  for (const area of OTHER_AREAS) {
    const yearOf = () => area.bornFrom + Math.floor(random() * (area.bornTo - area.bornFrom + 1));
    for (let i = 0; i < area.count; i++) {
      const person = newPerson([area.bornFrom, area.bornTo], yearOf);
      const from = randomDateBetween(random, maxDate(person.birthDate, '2018-01-01'), todayText);
      person.links.push({ unit: pick(random, area.authorityUnits), source: 'case', validFrom: from, validTo: null });
      if (random() < area.providerShare)
        person.links.push({
          unit: pick(random, area.providerUnits),
          source: 'provider_case',
          validFrom: from,
          validTo: null,
        });
      persons.push(person);
    }
  }
  return persons;
}

/** Hands out each test personnummer once, by birth year, in a shuffled order. */
class TestNumberPool {
  private readonly byYear = new Map<number, string[]>();

  constructor(random: () => number) {
    for (const digits of shuffled(random, testPersonnummer())) {
      const year = Number(digits.slice(0, 4));
      const list = this.byYear.get(year) ?? [];
      list.push(digits);
      this.byYear.set(year, list);
    }
  }

  countBornBetween(from: number, to: number): number {
    let count = 0;
    for (let year = from; year <= to; year++) count += this.byYear.get(year)?.length ?? 0;
    return count;
  }

  /** An unused test number born in [from, to], nearest the wanted year; undefined when they are used up. */
  take(from: number, to: number, wanted: number): string | undefined {
    for (let distance = 0; distance <= to - from; distance++) {
      for (const year of [wanted - distance, wanted + distance]) {
        const list = year >= from && year <= to ? this.byYear.get(year) : undefined;
        if (list?.length) return list.pop();
      }
    }
    return undefined;
  }
}

/** Pickers where the list order is the frequency rank: weight rank^-0.6, roughly Swedish name statistics. */
function namePickers(random: () => number) {
  const weighted = <T>(items: readonly T[]) => {
    const cumulative: number[] = [];
    let total = 0;
    items.forEach((_, rank) => {
      total += (rank + 1) ** -0.6;
      cumulative.push(total);
    });
    return () => {
      const target = random() * total;
      let low = 0;
      let high = items.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (cumulative[middle]! < target) low = middle + 1;
        else high = middle;
      }
      return items[low]!;
    };
  };
  return { female: weighted(FEMALE_NAMES), male: weighted(MALE_NAMES), last: weighted(LAST_NAMES) };
}

function addressesFor(random: () => number, birthDate: string, today: string): LargePerson['addresses'] {
  const address = (validFrom: string) => ({
    street: `${pick(random, STREETS)} ${1 + Math.floor(random() * 80)}`,
    postalCode: `${String(120 + Math.floor(random() * 60))} ${String(10 + Math.floor(random() * 90))}`,
    city: 'Storstad',
    validFrom,
  });
  const earliest = maxDate(birthDate, '1985-01-01');
  const current = address(randomDateBetween(random, earliest, minDate(today, '2024-12-31')));
  if (random() >= 0.08 || current.validFrom <= earliest) return [current];
  return [address(earliest), current];
}

/** Each unit name `quota` times, then unassigned places up to `size`. */
function quotaList(quotas: Record<string, number>, size: number): (string | undefined)[] {
  const list: (string | undefined)[] = Object.entries(quotas).flatMap(([unit, count]) =>
    Array<string>(count).fill(unit),
  );
  if (list.length > size) throw new Error(`Quotas (${list.length}) exceed the ${size} persons to place`);
  return [...list, ...Array<undefined>(size - list.length).fill(undefined)];
}

function shuffled<T>(random: () => number, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** A version-4 UUID from the seeded generator, so ids repeat across runs too. */
function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = (8 + Math.floor(random() * 4)).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

const DAY_MS = 86_400_000;

function randomDateBetween(random: () => number, from: string, to: string): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  return new Date(start + Math.floor(random() * ((end - start) / DAY_MS + 1)) * DAY_MS).toISOString().slice(0, 10);
}

function randomDateIn(random: () => number, year: number): string {
  return randomDateBetween(random, `${year}-01-01`, `${year}-12-31`);
}

function addYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`.replace('-02-29', '-02-28');
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
