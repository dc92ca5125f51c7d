/**
 * The month grid of the date fields' calendar: react-day-picker in Swedish (weeks from Monday, ISO
 * week numbers) with its stylesheet, which styles.css recolours (.dialog--calendar). DateInput loads
 * this module the first time a calendar opens, so the pages carry neither it nor date-fns (ADR 0019).
 */
import { useEffect, useRef, useState } from 'react';
import { DayPicker } from 'react-day-picker';
import { sv } from 'react-day-picker/locale';
import 'react-day-picker/style.css';

interface CalendarProps {
  /** The typed day, if the text box names one: shown chosen, and the month opened on. */
  selected: Date | undefined;
  onPick: (date: Date | undefined) => void;
}

/** The week numbers' column heading (react-day-picker leaves it empty). */
const FORMATTERS = { formatWeekNumberHeader: () => 'v.' };

export function Calendar({ selected, onPick }: CalendarProps) {
  const [month, setMonth] = useState<Date>(() => selected ?? new Date());
  const ref = useRef<HTMLDivElement>(null);

  // Focus on the chosen day (or today): the one day button in the tab order. After a frame, since on
  // the calendar's first opening this runs before the dialog's showModal(), which moves focus itself.
  useEffect(() => {
    const frame = requestAnimationFrame(() =>
      ref.current?.querySelector<HTMLElement>('.rdp-day_button[tabindex="0"]')?.focus(),
    );
    return () => cancelAnimationFrame(frame);
  }, []);

  return (
    <div ref={ref}>
      <DayPicker
        mode="single"
        locale={sv}
        showWeekNumber
        formatters={FORMATTERS}
        selected={selected}
        onSelect={onPick}
        month={month}
        onMonthChange={setMonth}
      />
    </div>
  );
}
