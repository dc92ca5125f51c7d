/** How an assignment went to a provider without Vardag access: secure mail or post (radio buttons with a legend). */
import { useId } from 'react';
import { SENT_OUTSIDE_VIA, type SentOutsideVia } from '../../../domain/vocabulary.ts';
import { SENT_OUTSIDE_CHOICES } from './assignmentLabels.ts';

export function SentOutsideChoice({
  value,
  onChange,
}: {
  value: SentOutsideVia;
  onChange: (via: SentOutsideVia) => void;
}) {
  const id = useId();
  return (
    <fieldset className="fieldset">
      <legend>Hur skickades uppdraget?</legend>
      {SENT_OUTSIDE_VIA.map((via) => (
        <div key={via} className="checkbox">
          <input
            type="radio"
            name={`${id}-via`}
            id={`${id}-${via}`}
            value={via}
            checked={value === via}
            onChange={() => onChange(via)}
          />
          <label htmlFor={`${id}-${via}`}>{SENT_OUTSIDE_CHOICES[via]}</label>
        </div>
      ))}
    </fieldset>
  );
}
