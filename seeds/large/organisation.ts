/**
 * Storkommun's organisation: four service areas, several authority units per area, ten providers
 * (municipal and private) and sixty provider units. Big enough that access scopes, desks and
 * search behave as in a large municipality; named the way staff name units.
 */
import type { ServiceAreaSpec, UnitSpec } from '../lib/builders.ts';

/** Home-care districts; each becomes "Hemtjänst <district>". */
export const HOME_CARE_DISTRICTS = [
  'Centrum',
  'Norrmalm',
  'Söder',
  'Hagadahl',
  'Berga',
  'Hallonbergen',
  'Ekbacken',
  'Tallbo',
  'Sjöstaden',
  'Kvarnbyn',
  'Ängby',
  'Lövsta',
  'Västerby',
  'Österby',
] as const;

export const CARE_HOMES = [
  'Allégården',
  'Björkhagen',
  'Ekliden',
  'Solgården',
  'Lindängen',
  'Rosenlund',
  'Tallgården',
  'Sjöglimten',
  'Hagtornet',
  'Vintergatan',
] as const;

/** The ÄO authority units; an elderly person's case sits in the one for their part of town. */
export const AO_AUTHORITY_UNITS = [
  'ÄO myndighet Nord',
  'ÄO myndighet Syd',
  'ÄO myndighet Öst',
  'ÄO myndighet Väst',
  'ÄO myndighet särskilt boende',
] as const;

const units = (names: readonly string[]): UnitSpec[] => names.map((name) => ({ name, kind: 'provider_unit' }));

export const STORKOMMUN_ORGANISATION: ServiceAreaSpec[] = [
  {
    code: 'AO',
    name: 'Äldreomsorg',
    children: [
      ...AO_AUTHORITY_UNITS.map((name): UnitSpec => ({ name, kind: 'authority_unit' })),
      {
        name: 'Hemtjänst egen regi',
        kind: 'provider',
        ownership: 'municipal',
        children: units([
          ...HOME_CARE_DISTRICTS.map((district) => `Hemtjänst ${district}`),
          'Nattpatrullen',
          'Larmgruppen',
        ]),
      },
      {
        name: 'Vård- och omsorgsboenden egen regi',
        kind: 'provider',
        ownership: 'municipal',
        children: units([...CARE_HOMES, 'Allégården korttidsboende', 'Allégården dagverksamhet']),
      },
      {
        name: 'Omsorgsbolaget AB',
        kind: 'provider',
        ownership: 'private',
        children: units([
          'Omsorgsbolaget Hemtjänst Centrum',
          'Omsorgsbolaget Hemtjänst Norr',
          'Omsorgsbolaget Hemtjänst Söder',
        ]),
      },
      {
        name: 'Nordomsorg AB',
        kind: 'provider',
        ownership: 'private',
        children: units(['Nordomsorg Hemtjänst Berga', 'Nordomsorg Hemtjänst Ekbacken', 'Nordomsorg Hemtjänst Tallbo']),
      },
      {
        name: 'Privat Omsorg i Norr AB',
        kind: 'provider',
        ownership: 'private',
        hasSystemAccess: false,
        children: units(['Privat Omsorg Norr']),
      },
    ],
  },
  {
    code: 'FH',
    name: 'Funktionshinder',
    children: [
      { name: 'FH myndighet', kind: 'authority_unit' },
      {
        name: 'Socialpsykiatri egen regi',
        kind: 'provider',
        ownership: 'municipal',
        children: units([
          'Boendestöd Centrum',
          'Boendestöd Söder',
          'Boendestöd Norr',
          'Träffpunkten dagverksamhet',
          'Stödboende Linden',
        ]),
      },
    ],
  },
  {
    code: 'LSS',
    name: 'LSS',
    children: [
      { name: 'LSS-handläggning Nord', kind: 'authority_unit' },
      { name: 'LSS-handläggning Syd', kind: 'authority_unit' },
      {
        name: 'LSS egen regi',
        kind: 'provider',
        ownership: 'municipal',
        children: units([
          'Daglig verksamhet Ängen',
          'Daglig verksamhet Verkstan',
          'Gruppbostad Solrosen',
          'Gruppbostad Blåklinten',
          'Gruppbostad Vallmon',
          'Gruppbostad Prästkragen',
          'Korttidsvistelse Solrosen',
          'Ledsagarservice',
          'Fritids LSS',
        ]),
      },
      {
        name: 'Assistansbolaget AB',
        kind: 'provider',
        ownership: 'private',
        children: units(['Personlig assistans Assistansbolaget']),
      },
      {
        name: 'Assistans i Väst AB',
        kind: 'provider',
        ownership: 'private',
        hasSystemAccess: false,
        children: units(['Assistans i Väst']),
      },
    ],
  },
  {
    code: 'IFO',
    name: 'Individ- och familjeomsorg',
    children: [
      { name: 'IFO Mottagning och utredning', kind: 'authority_unit' },
      { name: 'IFO Barn och unga', kind: 'authority_unit' },
      { name: 'IFO Vuxenenheten myndighet', kind: 'authority_unit' },
      { name: 'IFO Ekonomiskt bistånd', kind: 'authority_unit' },
      {
        name: 'IFO egen regi',
        kind: 'provider',
        ownership: 'municipal',
        children: units([
          'Familjeteamet Bistånd öppenvård',
          'Hagadahl Service',
          'Berga Service',
          'Stödboende Kvarnen',
          'Ungdomsmottagningen',
          'Beroendeenheten öppenvård',
          'Kontaktpersoner IFO',
          'Skyddat boende Fyren',
          'Familjehemsenheten',
        ]),
      },
    ],
  },
];
