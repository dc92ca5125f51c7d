/**
 * The folders of "Mitt skrivbord", top to bottom. Adding a folder is one line here plus its route
 * in app/routes.tsx. `roles`: the position needs one of them to see the folder (none = everyone).
 */
import { MANAGER_ROLES, PERSON_CORE_EDITOR_ROLES, PROVIDER_STAFF_ROLES, type Role } from '../../../domain/roles.ts';
import { WORKS_WITH_PERSONS } from '../../session/guards.tsx';
import type { DeskCounts } from '../../../contract/desk.ts';
import { SEND_LIST_KEEPERS } from '../messages/sendListRoles.ts';
import { WATCH_ROLES } from '../watches/watchView.ts';

export interface DeskFolder {
  key: string;
  label: string;
  to: string;
  roles?: readonly Role[];
  /** Shows the position's units under the folder (Mina enheter). */
  listsUnits?: boolean;
  /** Shows the unread message count after the label (Inkorg). */
  showsUnreadMessages?: boolean;
  /** Shows how many new assignments wait after the label (Nya uppdrag): to accept, and to acknowledge. */
  showsNewAssignments?: boolean;
  /** Shows how many of my watches are overdue or due today after the label (Mina bevakningar). */
  showsPersonalWatches?: boolean;
  /** Shows the statutory watches passed and due after the label (Tidsfrister). */
  showsWatches?: boolean;
  /** Shows this count from the desk overview after the label. */
  showsCount?: Exclude<keyof DeskCounts, 'newAssignments' | 'unacknowledged' | 'startsToRegister' | 'watches'>;
}

export { WORKS_WITH_PERSONS };
/** The same role set the server's canRegisterPerson uses. */
export const REGISTER_ROLES: readonly Role[] = PERSON_CORE_EDITOR_ROLES;
/** Everyone at a provider unit: Nya uppdrag to acknowledge (the server's canListUnacknowledged). */
export const PROVIDER_SIDE_ROLES: readonly Role[] = [...MANAGER_ROLES, ...PROVIDER_STAFF_ROLES];
/** Who closes provider cases: Ej aktuella – att avsluta (the server's PROVIDER_CASE_CLOSER_ROLES). */
export const CLOSER_ROLES: readonly Role[] = [...MANAGER_ROLES, 'coordinator'];

export const DESK_FOLDERS: readonly DeskFolder[] = [
  { key: 'search', label: 'Sök person', to: '/personer/sok', roles: WORKS_WITH_PERSONS },
  { key: 'recent', label: 'Senast öppnade', to: '/personer/senast', roles: WORKS_WITH_PERSONS },
  { key: 'units', label: 'Mina enheter', to: '/enheter', roles: WORKS_WITH_PERSONS, listsUnits: true },
  {
    key: 'my-persons',
    label: 'Mina personer',
    to: '/mina-personer',
    roles: WORKS_WITH_PERSONS,
    showsCount: 'myPersons',
  },
  {
    key: 'personal-watches',
    label: 'Mina bevakningar',
    to: '/bevakningar',
    roles: WORKS_WITH_PERSONS,
    showsPersonalWatches: true,
  },
  { key: 'register', label: 'Registrera person', to: '/personer/ny', roles: REGISTER_ROLES },
  { key: 'my-cases', label: 'Mina ärenden', to: '/arenden', roles: ['case_officer'] },
  { key: 'watches', label: 'Tidsfrister', to: '/tidsfrister', roles: WATCH_ROLES, showsWatches: true },
  { key: 'ivo-report', label: 'Rapport till IVO', to: '/ivo/rapport', roles: ['case_officer', 'authority_manager'] },
  // To accept and distribute (managers, coordinators, alarm managers; also at /uppdrag/nya) and to acknowledge (everyone at a provider unit).
  {
    key: 'new-assignments',
    label: 'Nya uppdrag',
    to: '/nya-uppdrag',
    roles: PROVIDER_SIDE_ROLES,
    showsNewAssignments: true,
  },
  {
    key: 'not-current',
    label: 'Ej aktuella – att avsluta',
    to: '/ej-aktuella',
    roles: CLOSER_ROLES,
    showsCount: 'notCurrent',
  },
  { key: 'inbox', label: 'Inkorg', to: '/meddelanden/inkorg', showsUnreadMessages: true },
  { key: 'sent', label: 'Skickat', to: '/meddelanden/skickat' },
  { key: 'send-lists', label: 'Sändlistor', to: '/sandlistor', roles: SEND_LIST_KEEPERS },
  { key: 'admin', label: 'Administration', to: '/admin', roles: ['administrator'] },
];

export function visibleFolders(roles: readonly Role[]): DeskFolder[] {
  return DESK_FOLDERS.filter((folder) => !folder.roles || folder.roles.some((role) => roles.includes(role)));
}
