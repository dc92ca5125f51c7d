/**
 * Who may keep send lists, mirroring canKeepSendList in the server's messages.policy.ts: the
 * server decides per unit; the web only hides the folder from those who keep none.
 */
import type { Role } from '../../../domain/roles.ts';

export const SEND_LIST_KEEPERS: readonly Role[] = [
  'administrator',
  'authority_manager',
  'operations_manager',
  'unit_manager',
  'coordinator',
  'alarm_manager',
];
