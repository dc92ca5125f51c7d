/**
 * What every form's submit does around its request: busy while it runs, the failure kept for the
 * form's ErrorAlert, and the server's field errors put on the fields (focus goes to the first, see
 * form.ts). A form with its own answer to some failures (a 409 that offers "read in again") says so
 * in `onError`, returning true when it has dealt with the failure instead of showing it.
 */
import { useState } from 'react';
import { isApiError } from '../api/client.ts';
import type { FieldErrors } from './form.ts';

export function useSubmit(form: { fail: (errors: FieldErrors) => void }) {
  const [isBusy, setIsBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const run = async (action: () => Promise<void>, onError?: (error: unknown) => boolean | Promise<boolean>) => {
    setIsBusy(true);
    try {
      await action();
    } catch (error) {
      const isHandled = onError ? await onError(error) : false;
      if (!isHandled) setFailure(error);
      form.fail(isApiError(error) ? error.fieldErrors : {});
    } finally {
      setIsBusy(false);
    }
  };

  return { isBusy, failure, setFailure, run };
}
