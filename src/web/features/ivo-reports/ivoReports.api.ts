/** The IVO report (src/contract/ivo-reports.ts): queries and changes, one function per route. */
import { useQuery } from '@tanstack/react-query';
import type * as c from '../../../contract/ivo-reports.ts';
import { apiUrl, call, http } from '../../api/client.ts';

export type IvoQuarterReport = c.IvoQuarterReport;
export type IvoReportRow = c.IvoReportRow;
export type IvoLateDetails = c.IvoLateDetails;
export type IvoLateDetailsBody = c.IvoLateDetailsBody;
export type IvoSubjectKind = c.IvoSubjectKind;

export const ivoKeys = {
  all: ['ivo'] as const,
  report: (quarter: string) => ['ivo', 'report', quarter] as const,
  details: (kind: IvoSubjectKind, subjectId: string) => ['ivo', 'details', kind, subjectId] as const,
};

export function useQuarterReport(quarter: string) {
  return useQuery({
    queryKey: ivoKeys.report(quarter),
    queryFn: (): Promise<c.IvoQuarterReport> =>
      call(http.GET('/api/ivo/reports/{quarter}', { params: { path: { quarter } } })),
  });
}

export function useLateDetails(kind: IvoSubjectKind, subjectId: string) {
  return useQuery({
    queryKey: ivoKeys.details(kind, subjectId),
    queryFn: (): Promise<c.IvoLateDetails> =>
      call(http.GET('/api/ivo/details/{kind}/{subjectId}', { params: { path: { kind, subjectId } } })),
  });
}

export function saveLateDetails(kind: IvoSubjectKind, subjectId: string, body: c.IvoLateDetailsBody) {
  return call(http.PUT('/api/ivo/details/{kind}/{subjectId}', { params: { path: { kind, subjectId } }, body }));
}

export function markReported(quarter: string, body: c.MarkIvoReportBody) {
  return call(http.POST('/api/ivo/reports/{quarter}/mark', { params: { path: { quarter } }, body }));
}

export const reportPdfUrl = (quarter: string) => apiUrl('/api/ivo/reports/{quarter}/report.pdf', { quarter });
export const reportCsvUrl = (quarter: string) => apiUrl('/api/ivo/reports/{quarter}/report.csv', { quarter });

/** The case's items to report to IVO today (one request per case, shared by its decisions' notes). */
export function useCaseLateItems(caseId: string) {
  return useQuery({
    queryKey: ['ivo', 'case', caseId] as const,
    queryFn: (): Promise<c.IvoCaseItems> =>
      call(http.GET('/api/ivo/cases/{caseId}/items', { params: { path: { caseId } } })),
    // A note beside the decision: a failure shows nothing rather than an error on the case page.
    retry: false,
  });
}
