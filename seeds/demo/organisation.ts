/** Exempelkommun's organisation, named as in the source manuals. */
import type { ServiceAreaSpec } from '../lib/builders.ts';

export const DEMO_ORGANISATION: ServiceAreaSpec[] = [
  {
    code: 'AO',
    name: 'Äldreomsorg',
    children: [
      { name: 'Äldreomsorgens myndighetsenhet', kind: 'authority_unit' },
      {
        name: 'Hemtjänst egen regi',
        kind: 'provider',
        ownership: 'municipal',
        children: [
          { name: 'Blandaren htj ute', kind: 'provider_unit' },
          { name: 'Blandaren htj inne', kind: 'provider_unit' },
          { name: 'Hallonbergen htj', kind: 'provider_unit' },
          { name: 'Nattpatrullen', kind: 'provider_unit' },
          { name: 'Larmgruppen', kind: 'provider_unit' },
        ],
      },
      {
        name: 'Vård- och omsorgsboenden egen regi',
        kind: 'provider',
        ownership: 'municipal',
        children: [
          { name: 'Allégården dagverksamhet', kind: 'provider_unit' },
          { name: 'Allégården korttidsboende', kind: 'provider_unit' },
        ],
      },
      {
        name: 'Omsorgsbolaget AB',
        kind: 'provider',
        ownership: 'private',
        children: [{ name: 'Omsorgsbolaget Hemtjänst Centrum', kind: 'provider_unit' }],
      },
      {
        name: 'Privat Omsorg i Norr AB',
        kind: 'provider',
        ownership: 'private',
        hasSystemAccess: false,
        children: [{ name: 'Privat Omsorg Norr', kind: 'provider_unit' }],
      },
    ],
  },
  {
    code: 'FH',
    name: 'Funktionshinder',
    children: [
      { name: 'Funktionshinder myndighet', kind: 'authority_unit' },
      {
        name: 'Socialpsykiatri egen regi',
        kind: 'provider',
        ownership: 'municipal',
        children: [{ name: 'Boendestöd Centrum', kind: 'provider_unit' }],
      },
    ],
  },
  {
    code: 'LSS',
    name: 'LSS',
    children: [
      { name: 'LSS-handläggning', kind: 'authority_unit' },
      {
        name: 'LSS egen regi',
        kind: 'provider',
        ownership: 'municipal',
        children: [
          { name: 'Daglig verksamhet Ängen', kind: 'provider_unit' },
          { name: 'Korttidsvistelse Solrosen', kind: 'provider_unit' },
          { name: 'Ledsagarservice', kind: 'provider_unit' },
        ],
      },
      {
        name: 'Assistansbolaget AB',
        kind: 'provider',
        ownership: 'private',
        children: [{ name: 'Personlig assistans Assistansbolaget', kind: 'provider_unit' }],
      },
    ],
  },
  {
    code: 'IFO',
    name: 'Individ- och familjeomsorg',
    children: [
      { name: 'IFO Mottagning och utredning', kind: 'authority_unit' },
      { name: 'IFO Vuxenenheten myndighet', kind: 'authority_unit' },
      {
        name: 'IFO egen regi',
        kind: 'provider',
        ownership: 'municipal',
        children: [
          { name: 'Familjeteamet Bistånd öppenvård', kind: 'provider_unit' },
          { name: 'Hagadahl Service', kind: 'provider_unit' },
          { name: 'Berga Service', kind: 'provider_unit' },
          { name: 'Stödboende Kvarnen', kind: 'provider_unit' },
        ],
      },
    ],
  },
];
