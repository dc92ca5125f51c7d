/**
 * What the change dialogs share: a date field as every form writes dates, the date check, the end
 * reasons (avslutsorsak) with "Annan orsak" and its free text, and the failure area. A 409 means the row changed since it was read: the dialog keeps what was typed,
 * says why, and offers to read the rows in again; once they are read, it says so, and sending again
 * uses the new version.
 */
import { useState, type InputHTMLAttributes } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { DELIVERY_END_REASONS } from '../../../domain/vocabulary.ts';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { DateInput as DateField } from '../../components/DateInput.tsx';
import { dateTextProblem } from '../../components/dateText.ts';
import { refreshDeliveries } from '../deliveries/deliveries.api.ts';

type DateInputProps = {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  name: string;
  required?: boolean;
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'autoFocus'>;

/** "Annan orsak" opens a free text. */
export const OTHER_REASON = 'Annan orsak';
/** The end reasons the forms offer, "Annan orsak" last. */
export const REASON_OPTIONS = [...DELIVERY_END_REASONS, OTHER_REASON].map((reason) => ({
  value: reason,
  label: reason,
}));

/** The reason's fields as a form keeps them. */
export interface ReasonValues {
  reason: string;
  otherReason: string;
}

/** The reason's problems, on the field chosen or typed in. */
export function reasonErrors(values: ReasonValues): Record<string, string> {
  if (!values.reason) return { reason: 'Välj avslutsorsak.' };
  if (values.reason === OTHER_REASON && !values.otherReason.trim()) return { otherReason: 'Beskriv orsaken.' };
  return {};
}

/** The reason the server gets: the chosen one, or the text for "Annan orsak". */
export function reasonOf(values: ReasonValues): string {
  return values.reason === OTHER_REASON ? values.otherReason.trim() : values.reason;
}

/** The reason is one field on the server and two in the form: its error lands on the one typed in. */
export function reasonFieldErrors({ endReason, ...rest }: Record<string, string>, values: ReasonValues) {
  return { ...rest, ...(endReason ? { [values.reason === OTHER_REASON ? 'otherReason' : 'reason']: endReason } : {}) };
}

/** A date typed as ÅÅÅÅ-MM-DD or picked in the calendar, like every date field in Vardag. */
export function DateInput(props: DateInputProps) {
  return <DateField placeholder="ÅÅÅÅ-MM-DD" {...props} />;
}

/** The date's problem as the form shows it before sending, or null. */
export function dateProblem(value: string, required: boolean): string | null {
  const text = value.trim();
  if (!text) return required ? 'Obligatoriskt.' : null;
  return dateTextProblem(text);
}

interface ChangeFailureProps {
  error: unknown;
  /** Field errors the form has no field for. */
  details?: readonly string[];
}

export function ChangeFailure({ error, details = [] }: ChangeFailureProps) {
  const queryClient = useQueryClient();
  // Which failure the rows were read in again for (and are being read for): a new failure starts over.
  const [reading, setReading] = useState<unknown>(null);
  const [readFor, setReadFor] = useState<unknown>(null);
  if (!error) return null;
  if (isApiError(error, 409) && Object.keys(error.fieldErrors).length === 0) {
    const readAgain = async () => {
      setReading(error);
      await refreshDeliveries(queryClient);
      setReading(null);
      setReadFor(error);
    };
    return (
      <div className="form-error" tabIndex={-1}>
        <Alert tone="warning" role="alert" title={error.message}>
          <p>Det du har skrivit finns kvar. Läs in raderna igen och försök sedan på nytt.</p>
          <Button busy={reading === error} onClick={() => void readAgain()}>
            Läs in raderna igen
          </Button>
        </Alert>
        <p role="status">{readFor === error ? 'Raderna är inlästa igen. Skicka på nytt.' : ''}</p>
      </div>
    );
  }
  return <ErrorAlert error={error} details={details} focusable />;
}
