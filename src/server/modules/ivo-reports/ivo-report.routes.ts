/** Rapport till IVO om ej verkställda beslut: thin routes, each one schema and one service call. */
import { z } from 'zod';
import type { App, AppDeps } from '../../platform/http/types.ts';
import { positionedActorOf } from '../../platform/http/types.ts';
import { PERSON_RECORD_COST, personListCost } from '../../platform/rate-limit/read-limits.ts';
import { ErrorResponse } from '../../../contract/common.ts';
import * as c from '../../../contract/ivo-reports.ts';
import * as service from './ivo-report.service.ts';
import { getLateDetails, listCaseLateItems, saveLateDetails } from './ivo-late-details.service.ts';

const TAGS = ['IVO-rapport'];
const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  429: ErrorResponse,
};
/** A quarter's report lists persons; charged like a page of this many (ADR 0016). */
const REPORT_COST = personListCost(50);

export function registerIvoReportRoutes(app: App, { db, clock }: AppDeps): void {
  app.get(
    '/api/ivo/details/:kind/:subjectId',
    {
      config: { readCost: PERSON_RECORD_COST },
      schema: {
        tags: TAGS,
        summary:
          'What is recorded for the IVO report about a granted intervention not delivered or an interruption not resumed (case officer, authority manager)',
        params: c.IvoSubjectParams,
        response: { 200: c.IvoLateDetails, ...errors },
      },
    },
    async (request) =>
      getLateDetails(db, positionedActorOf(request), request.params.kind, request.params.subjectId, clock),
  );

  app.put(
    '/api/ivo/details/:kind/:subjectId',
    {
      schema: {
        tags: TAGS,
        summary:
          'Record the reason for the delay, the consequences for the person, interim support and the offers made (optimistic version; audited)',
        params: c.IvoSubjectParams,
        body: c.IvoLateDetailsBody,
        response: { 200: c.IvoLateDetails, ...errors },
      },
    },
    async (request) =>
      saveLateDetails(
        db,
        positionedActorOf(request),
        request.params.kind,
        request.params.subjectId,
        request.body,
        clock,
      ),
  );

  app.get(
    '/api/ivo/cases/:caseId/items',
    {
      schema: {
        tags: TAGS,
        summary:
          "A case's decisions not delivered (and interruptions not resumed) past three months today, for the note on the case page",
        params: c.IvoCaseParams,
        response: { 200: c.IvoCaseItems, ...errors },
      },
    },
    async (request) => listCaseLateItems(db, positionedActorOf(request), request.params.caseId, clock),
  );

  app.get(
    '/api/ivo/reports/:quarter',
    {
      config: { readCost: REPORT_COST },
      schema: {
        tags: TAGS,
        summary:
          "The quarter's IVO report as of its last day: one row per decision not delivered or interruption not resumed within three months, re-reports and the ones delivered or ended since (case officer: own cases; authority manager: the units' cases)",
        params: c.IvoQuarterParams,
        response: { 200: c.IvoQuarterReport, ...errors },
      },
    },
    async (request) => service.getQuarterReport(db, positionedActorOf(request), request.params.quarter, clock),
  );

  // The two exports differ only in format, type and summary; each download is audited by the service.
  const EXPORTS = [
    { format: 'pdf', type: 'application/pdf', summary: 'The quarter report as PDF for the record (audited)' },
    {
      format: 'csv',
      type: 'text/csv; charset=utf-8',
      summary:
        "The quarter report as CSV, one row per report, columns named after IVO's form; UTF-8 with BOM, semicolons (audited)",
    },
  ] as const;
  for (const { format, type, summary } of EXPORTS) {
    app.get(
      `/api/ivo/reports/:quarter/report.${format}`,
      {
        config: { readCost: REPORT_COST },
        schema: {
          tags: TAGS,
          summary,
          params: c.IvoQuarterParams,
          produces: [type.split(';')[0]!],
          response: { 200: z.any().describe(type.split(';')[0]!), ...errors },
        },
      },
      async (request, reply) => {
        const actor = positionedActorOf(request);
        const file = await service.exportQuarterReport(db, actor, request.params.quarter, format, clock);
        return reply
          .type(type)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(file.body);
      },
    );
  }

  app.post(
    '/api/ivo/reports/:quarter/mark',
    {
      schema: {
        tags: TAGS,
        summary:
          'Markera som rapporterad: store who, when and exactly which rows were reported, so the next quarter knows its re-reports (authority manager)',
        params: c.IvoQuarterParams,
        body: c.MarkIvoReportBody,
        response: { 200: c.IvoQuarterReport, ...errors },
      },
    },
    async (request) =>
      service.markQuarterReported(db, positionedActorOf(request), request.params.quarter, request.body, clock),
  );

  app.get(
    '/api/ivo/settings',
    {
      schema: {
        tags: TAGS,
        summary: 'The board (nämnd) the municipality reports to IVO as',
        response: { 200: c.IvoReportSettings, ...errors },
      },
    },
    async (request) => service.getIvoSettings(db, positionedActorOf(request)),
  );

  app.put(
    '/api/ivo/settings',
    {
      schema: {
        tags: TAGS,
        summary: 'Change the board the municipality reports as (administrator)',
        body: c.IvoReportSettings,
        response: { 200: c.IvoReportSettings, ...errors },
      },
    },
    async (request) => service.updateIvoSettings(db, positionedActorOf(request), request.body),
  );
}
