/** A demo user for every role; `enhetschef` holds two positions to show the choice after sign-in. */
import type { Role } from '../../src/domain/roles.ts';

export interface DemoUser {
  username: string;
  displayName: string;
  description: string;
  positions: { unit: string; title: string; roles: Role[] }[];
}

export const DEMO_USERS: DemoUser[] = [
  {
    username: 'handlaggare',
    displayName: 'Eva Lind',
    description: 'biståndshandläggare, Äldreomsorgens myndighetsenhet',
    positions: [{ unit: 'Äldreomsorgens myndighetsenhet', title: 'Biståndshandläggare', roles: ['case_officer'] }],
  },
  {
    username: 'mynchef',
    displayName: 'Göran Berg',
    description: 'enhetschef myndighet, Äldreomsorgens myndighetsenhet',
    positions: [
      { unit: 'Äldreomsorgens myndighetsenhet', title: 'Enhetschef myndighet', roles: ['authority_manager'] },
    ],
  },
  {
    username: 'ifohandl',
    displayName: 'Sara Nyström',
    description: 'socialsekreterare, IFO Mottagning och utredning',
    positions: [{ unit: 'IFO Mottagning och utredning', title: 'Socialsekreterare', roles: ['case_officer'] }],
  },
  {
    username: 'lsshandl',
    displayName: 'Nils Åberg',
    description: 'LSS-handläggare, LSS-handläggning',
    positions: [{ unit: 'LSS-handläggning', title: 'LSS-handläggare', roles: ['case_officer'] }],
  },
  {
    username: 'vchef',
    displayName: 'Karin Holm',
    description: 'verksamhetschef, Hemtjänst egen regi',
    positions: [{ unit: 'Hemtjänst egen regi', title: 'Verksamhetschef', roles: ['operations_manager'] }],
  },
  {
    username: 'enhetschef',
    displayName: 'Lars Wallin',
    description: 'enhetschef, Blandaren htj ute och Nattpatrullen (två befattningar)',
    positions: [
      { unit: 'Blandaren htj ute', title: 'Enhetschef', roles: ['unit_manager'] },
      { unit: 'Nattpatrullen', title: 'Enhetschef', roles: ['unit_manager'] },
    ],
  },
  {
    username: 'samordnare',
    displayName: 'Maja Sandberg',
    description: 'samordnare, Blandaren htj ute',
    positions: [{ unit: 'Blandaren htj ute', title: 'Samordnare', roles: ['coordinator'] }],
  },
  {
    username: 'personal',
    displayName: 'Ali Hassan',
    description: 'undersköterska, Blandaren htj ute',
    positions: [{ unit: 'Blandaren htj ute', title: 'Undersköterska', roles: ['care_staff'] }],
  },
  {
    username: 'sjukskoterska',
    displayName: 'Ingrid Björk',
    description: 'sjuksköterska (legitimerad personal), Blandaren htj ute',
    positions: [{ unit: 'Blandaren htj ute', title: 'Sjuksköterska', roles: ['licensed_staff'] }],
  },
  {
    username: 'larmansvarig',
    displayName: 'Stig Forsberg',
    description: 'larmansvarig, Larmgruppen',
    positions: [{ unit: 'Larmgruppen', title: 'Larmansvarig', roles: ['alarm_manager'] }],
  },
  {
    username: 'ifochef',
    displayName: 'Åsa Lundin',
    description: 'enhetschef, Familjeteamet Bistånd öppenvård',
    positions: [{ unit: 'Familjeteamet Bistånd öppenvård', title: 'Enhetschef', roles: ['unit_manager'] }],
  },
  {
    username: 'admin',
    displayName: 'Per Admin',
    description: 'systemadministratör',
    positions: [{ unit: 'Äldreomsorg', title: 'Systemförvaltare', roles: ['administrator'] }],
  },
];
