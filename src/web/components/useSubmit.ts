/**
 * What every form's submit does around its request: busy while it runs, the failure kept for the
 * form's ErrorAlert, and the server's field errors put on the fields (focus goes to the first, see
 * form.ts). A form with its own answer to some failures (a 409 that offers "read in again") says so
 * in `onError`, returning true when it has dealt with the failure instead of showing it.
 */
import { useState } from 'react';
import { isApiError, type ApiError } from '../api/client.ts';
import type { FieldErrors } from './form.ts';

export interface SubmitOptions {
  /** Runs first on a failure; true when the form has dealt with it, so the alert does not show it. */
  onError?: (error: unknown) => boolean | Promise<boolean>;
  /**
   * The server's field errors as this form's fields are named, for a form whose fields differ from
   * the request body's keys (one reason sent, a list and a text field typed). By default as sent.
   */
  fieldErrorsOf?: (error: ApiError) => FieldErrors;
}

export function useSubmit(form: { fail: (errors: FieldErrors) => void }) {
  const [isBusy, setIsBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const run = async (action: () => Promise<unknown>, options: SubmitOptions = {}) => {
    const { onError, fieldErrorsOf = (error: ApiError) => error.fieldErrors } = options;
    setIsBusy(true);
    try {
      await action();
    } catch (error) {
      const isHandled = onError ? await onError(error) : false;
      if (!isHandled) setFailure(error);
      form.fail(isApiError(error) ? fieldErrorsOf(error) : {});
    } finally {
      setIsBusy(false);
    }
  };

  return { isBusy, failure, setFailure, run };
}
