/**
 * One place that turns errors into responses: 400 with field errors, 401, 403, 404, 409, 429.
 * Bad input never becomes a 500; database constraint violations that slip past validation are
 * mapped too, and anything else is logged with its request id.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, TooManyRequestsError } from '../errors.ts';
import type { ErrorResponse } from '../../../contract/common.ts';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

/**
 * invalid_text_representation, invalid_datetime_format, datetime_field_overflow, check_violation,
 * string_data_right_truncation, numeric_value_out_of_range (a version past 2^31),
 * character_not_in_repertoire (a NUL byte in text), untranslatable_character (\u0000 in jsonb).
 */
const INPUT_REJECTED = new Set(['22P02', '22007', '22008', '23514', '22001', '22003', '22021', '22P05']);

const CLIENT_ERRORS: Record<number, Omit<ErrorResponse, 'requestId'>> = {
  401: { error: 'unauthorized', message: 'Du är inte inloggad.' },
  403: { error: 'forbidden', message: 'Du har inte behörighet till detta.' },
  404: { error: 'not_found', message: 'Hittades inte.' },
};

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & PgError, request, reply) => {
    const body = (status: number, payload: Omit<ErrorResponse, 'requestId'>) =>
      reply.status(status).send({ ...payload, requestId: request.id } satisfies ErrorResponse);

    if (hasZodFastifySchemaValidationErrors(error)) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of error.validation) {
        const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
        fieldErrors[path || '_'] ??= issue.message ?? 'Ogiltigt värde.';
      }
      return body(400, { error: 'validation', message: 'Kontrollera de markerade fälten.', fieldErrors });
    }
    if (error instanceof AppError) {
      if (error instanceof TooManyRequestsError) reply.header('retry-after', String(error.retryAfterSeconds));
      const fieldErrors = error.details?.fieldErrors as Record<string, string> | undefined;
      return body(error.statusCode, {
        error: error.code,
        message: error.message,
        ...(fieldErrors ? { fieldErrors } : {}),
      });
    }
    if (
      error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ||
      error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      error.statusCode === 400
    ) {
      return body(400, { error: 'validation', message: 'Begäran kunde inte läsas.' });
    }
    if (error.statusCode === 413) return body(413, { error: 'too_large', message: 'Begäran är för stor.' });
    if (error.statusCode === 415) return body(415, { error: 'unsupported_media_type', message: 'Fel innehållstyp.' });
    // Any other client error from Fastify or a plugin (e.g. @fastify/static's 403 for a path that
    // climbs out of its folder) keeps its status rather than becoming a 500.
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return body(
        error.statusCode,
        CLIENT_ERRORS[error.statusCode] ?? { error: 'validation', message: 'Begäran kunde inte läsas.' },
      );
    }
    // PostgreSQL: input it cannot take (text for a type, a number out of range, a NUL byte) or a check violation = the input was wrong.
    if (INPUT_REJECTED.has(error.code ?? '')) {
      // Its message quotes the value it refused ("invalid input syntax for type uuid: \"…\""), which
      // may be personal data: the code and where it was refused are enough to follow it up.
      request.log.warn(
        { pgCode: error.code, constraint: error.constraint, routine: (error as { routine?: string }).routine },
        'input rejected by the database',
      );
      return body(400, { error: 'validation', message: 'Uppgifterna kunde inte sparas: kontrollera fälten.' });
    }
    if (error.code === '23503')
      return body(404, { error: 'not_found', message: 'Något som uppgifterna hänvisar till finns inte.' });
    if (error.code === '23505')
      return body(409, { error: 'conflict', message: 'Det finns redan en post med samma uppgifter.' });
    if (error.code === '40001' || error.code === '40P01')
      return body(409, { error: 'conflict', message: 'Någon annan ändrade samtidigt. Försök igen.' });
    request.log.error({ err: error }, 'unhandled error');
    return body(500, {
      error: 'internal',
      message: 'Ett oväntat fel inträffade. Försök igen; kvarstår felet, kontakta support och ange begärans id.',
    });
  });
}
