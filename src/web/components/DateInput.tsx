/**
 * A date field: a text box that takes ÅÅÅÅ-MM-DD as typed, and a button beside it that opens a
 * calendar in a modal dialog (Calendar.tsx: react-day-picker in Swedish, loaded on first use; ADR
 * 0019). Its props are TextInput's, so a date field switches by changing the component's name.
 *
 * The calendar opens on the typed day (or today), with focus on that day: the arrow keys move a day
 * or a week, Page Up/Down a month (with Shift a year), Enter picks, Escape closes. Picking writes
 * the day into the text box and puts focus there, so a screen reader reads the new value.
 */
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { Button } from './Button.tsx';
import { formatDateText, parseDateText } from './dateText.ts';
import { Dialog } from './Dialog.tsx';
import { Field } from './Field.tsx';
import { Spinner } from './Spinner.tsx';
import type { TextInputProps } from './TextInput.tsx';

export type DateInputProps = Omit<TextInputProps, 'multiline' | 'rows'>;

const Calendar = lazy(() => import('./Calendar.tsx').then((module) => ({ default: module.Calendar })));

export function DateInput({ id, label, value, onChange, error, hint, required, className, ...rest }: DateInputProps) {
  const [isOpen, setOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  // Where focus goes when the calendar closes: the text box after a pick, else (Dialog) the button.
  const focusInputOnClose = useRef(false);
  const instructionsId = useId();
  const isLocked = Boolean(rest.disabled || rest.readOnly);

  // Runs after Dialog's own effect (children first), so after it has given focus back to the button.
  useEffect(() => {
    if (!isOpen && focusInputOnClose.current) {
      focusInputOnClose.current = false;
      inputRef.current?.focus();
    }
  }, [isOpen]);

  const pick = (date: Date | undefined) => {
    // Choosing the chosen day again unchooses it in react-day-picker; here it keeps the date.
    if (date) onChange(formatDateText(date));
    focusInputOnClose.current = true;
    setOpen(false);
  };

  return (
    <Field
      id={id}
      label={label}
      error={error}
      hint={hint}
      required={required ?? false}
      className={['field--date', className ?? ''].join(' ').trim()}
    >
      {(control) => (
        <div className="date-input">
          <input
            inputMode="numeric"
            autoComplete="off"
            maxLength={10}
            {...rest}
            {...control}
            ref={inputRef}
            className="input"
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
          <button
            type="button"
            className="button button--secondary date-input__open"
            aria-haspopup="dialog"
            onClick={() => setOpen(true)}
            disabled={isLocked}
          >
            <CalendarIcon />
            {/* Content, not aria-label: the field's label stays the text box's alone (getByLabel finds one). */}
            <span className="visually-hidden">Välj datum i kalendern för {label}</span>
          </button>
          <Dialog
            open={isOpen}
            title={label}
            onClose={() => setOpen(false)}
            describedBy={instructionsId}
            className="dialog--calendar"
          >
            <Suspense fallback={<Spinner label="Hämtar kalendern …" />}>
              <Calendar selected={parseDateText(value)} onPick={pick} />
            </Suspense>
            <p id={instructionsId} className="calendar-help">
              Piltangenterna flyttar en dag eller vecka, Page Up och Page Down en månad. Enter väljer, Esc stänger.
            </p>
            <div className="button-row">
              <Button onClick={() => pick(new Date())}>I dag</Button>
              <Button variant="quiet" onClick={() => setOpen(false)}>
                Stäng
              </Button>
            </div>
          </Dialog>
        </div>
      )}
    </Field>
  );
}

function CalendarIcon() {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  );
}
