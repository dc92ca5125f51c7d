/** Swedish words for the IVO report's identifiers, and the addresses between its pages. */
import type { IvoRowKind, IvoSubjectKind } from '../../../domain/ivo-report.ts';
import type { Role } from '../../../domain/roles.ts';

/** Mirrors ivoScopeOf in the server's policy: the case officer and the authority manager. */
export const IVO_ROLES: readonly Role[] = ['case_officer', 'authority_manager'];

export const ROW_KIND_LABELS: Readonly<Record<IvoRowKind, string>> = {
  new: 'Ny',
  re_report: 'Återrapport',
  delivered: 'Verkställt',
  ended: 'Avslutat',
};

export const SEX_LABELS = { female: 'Kvinna', male: 'Man' } as const;

/** The kind in the address: /ivo/uppgifter/beslut/:id or /ivo/uppgifter/avbrott/:id. */
const PATH_KINDS: Readonly<Record<IvoSubjectKind, string>> = { decision: 'beslut', interruption: 'avbrott' };

export function detailsPath(kind: IvoSubjectKind, subjectId: string): string {
  return `/ivo/uppgifter/${PATH_KINDS[kind]}/${subjectId}`;
}

export function subjectKindOfPath(value: string | undefined): IvoSubjectKind | undefined {
  if (value === 'beslut') return 'decision';
  if (value === 'avbrott') return 'interruption';
  return undefined;
}

export const REPORT_PATH = '/ivo/rapport';
