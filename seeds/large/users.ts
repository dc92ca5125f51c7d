/**
 * Storkommun's users: one per role that benchmarks sign in as. Keys name the role and where;
 * user names carry a `stor.` prefix so they never clash with the demo's in a shared database.
 */
import type { Role } from '../../src/domain/roles.ts';

export interface LargeUserSpec {
  username: string;
  displayName: string;
  unit: string;
  title: string;
  roles: Role[];
}

/** The largest home-care unit (about 3,000 persons), where provider-side benchmarks work. */
export const BIG_HOME_CARE_UNIT = 'Hemtjänst Centrum';

export const LARGE_USERS = {
  aoCaseOfficer: {
    username: 'stor.handlaggare',
    displayName: 'Elin Handläggare',
    unit: 'ÄO myndighet Nord',
    title: 'Biståndshandläggare',
    roles: ['case_officer'],
  },
  aoAuthorityManager: {
    username: 'stor.mynchef',
    displayName: 'Göran Myndighetschef',
    unit: 'ÄO myndighet Nord',
    title: 'Enhetschef myndighet',
    roles: ['authority_manager'],
  },
  homeCareOperationsManager: {
    username: 'stor.vchef',
    displayName: 'Karin Verksamhetschef',
    unit: 'Hemtjänst egen regi',
    title: 'Verksamhetschef',
    roles: ['operations_manager'],
  },
  homeCareUnitManager: {
    username: 'stor.enhetschef',
    displayName: 'Lars Enhetschef',
    unit: BIG_HOME_CARE_UNIT,
    title: 'Enhetschef',
    roles: ['unit_manager'],
  },
  homeCareCoordinator: {
    username: 'stor.samordnare',
    displayName: 'Maja Samordnare',
    unit: BIG_HOME_CARE_UNIT,
    title: 'Samordnare',
    roles: ['coordinator'],
  },
  homeCareStaff: {
    username: 'stor.personal',
    displayName: 'Ali Undersköterska',
    unit: BIG_HOME_CARE_UNIT,
    title: 'Undersköterska',
    roles: ['care_staff'],
  },
  homeCareNurse: {
    username: 'stor.sjukskoterska',
    displayName: 'Ingrid Sjuksköterska',
    unit: BIG_HOME_CARE_UNIT,
    title: 'Sjuksköterska',
    roles: ['licensed_staff'],
  },
  ifoCaseOfficer: {
    username: 'stor.ifohandl',
    displayName: 'Sara Socialsekreterare',
    unit: 'IFO Mottagning och utredning',
    title: 'Socialsekreterare',
    roles: ['case_officer'],
  },
  lssCaseOfficer: {
    username: 'stor.lsshandl',
    displayName: 'Nils LSS-handläggare',
    unit: 'LSS-handläggning Nord',
    title: 'LSS-handläggare',
    roles: ['case_officer'],
  },
  administrator: {
    username: 'stor.admin',
    displayName: 'Per Systemförvaltare',
    unit: 'Äldreomsorg',
    title: 'Systemförvaltare',
    roles: ['administrator'],
  },
} satisfies Record<string, LargeUserSpec>;

export type LargeUserKey = keyof typeof LARGE_USERS;

/** Every Storkommun user has this password; it is a benchmark database, not a real one. */
export const LARGE_PASSWORD = 'vardag-bench';
