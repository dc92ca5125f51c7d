/// <reference types="vite/client" />
/**
 * Where the assignments section sits on the case page. The assignments feature owns the section
 * (src/web/features/assignments/CaseAssignments.tsx, exporting `CaseAssignments` with these
 * props); until that file exists the glob finds nothing and the slot stays empty, so neither
 * feature has to wait for the other.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { Spinner } from '../../components/Spinner.tsx';
import type { Decision } from './cases.api.ts';

export interface CaseAssignmentsProps {
  caseId: string;
  personId: string;
  /** The case's decisions, newest first; assignments are written from a granted one. */
  decisions: readonly Decision[];
  /** The case is open and the user may change it. */
  canWrite: boolean;
}

const modules = import.meta.glob<{ CaseAssignments: ComponentType<CaseAssignmentsProps> }>('../assignments/CaseAssignments.tsx');
const load = modules['../assignments/CaseAssignments.tsx'];
const CaseAssignments = load ? lazy(() => load().then((module) => ({ default: module.CaseAssignments }))) : null;

export function CaseAssignmentsSlot(props: CaseAssignmentsProps) {
  if (!CaseAssignments) return null;
  return <Suspense fallback={<Spinner />}><CaseAssignments {...props} /></Suspense>;
}
