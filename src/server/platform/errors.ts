/**
 * Errors services throw; the HTTP error handler maps each to its status. Messages are Swedish
 * because the web shows them as they are.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400 with messages per field, shown next to the field. */
export class ValidationError extends AppError {
  constructor(
    readonly fieldErrors: Record<string, string>,
    message = 'Kontrollera de markerade fälten.',
  ) {
    super(400, 'validation', message, { fieldErrors });
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Du är inte inloggad.') {
    super(401, 'unauthorized', message);
  }
}

/** Only where the caller may already know the thing exists; otherwise use NotFoundError. */
export class ForbiddenError extends AppError {
  constructor(message = 'Du har inte behörighet till detta.') {
    super(403, 'forbidden', message);
  }
}

/** Missing and out of scope look the same, so existence never leaks. */
export class NotFoundError extends AppError {
  constructor(message = 'Hittades inte.') {
    super(404, 'not_found', message);
  }
}

/** Someone else saved first (stale version), or the change collides with what exists. */
export class ConflictError extends AppError {
  constructor(
    message = 'Någon annan har ändrat uppgifterna. Läs in dem igen och gör om ändringen.',
    details?: Record<string, unknown>,
  ) {
    super(409, 'conflict', message, details);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'too_many_requests', message);
  }
}
