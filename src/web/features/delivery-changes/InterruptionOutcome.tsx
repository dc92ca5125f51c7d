/**
 * What a change of time or an ending did to the row's interruptions, said after it is done, and
 * the rule said before (src/domain/interruption-rules.ts): an interruption lies within its row.
 */
import type { InterruptionChanges } from '../../../contract/delivery-changes.ts';
import { describeInterruptionChanges } from '../../../domain/interruption-rules.ts';

/** The sentences, one paragraph each; nothing when no interruption was touched. */
export function InterruptionOutcome({
  changes,
  after,
}: {
  changes: InterruptionChanges;
  after: 'ended' | 'withdrawn';
}) {
  const lines = describeInterruptionChanges(changes, after);
  return (
    <>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </>
  );
}

/** Before the change: what will happen to the row's interruptions, shown only when it has any. */
export function InterruptionRule({ count, after }: { count: number; after: 'ended' | 'withdrawn' }) {
  if (count === 0) return null;
  return (
    <p>
      Raden har {count === 1 ? 'ett avbrott' : `${count} avbrott`}.{' '}
      {after === 'ended'
        ? 'Ett avbrott som pågår efter sista dagen slutar på sista dagen, och ett som börjar efter den tas bort.'
        : 'Tiden kan inte ändras mitt i ett avbrott. Avbrott som börjar på ändringsdagen eller senare tas bort från raden; registrera dem på den nya raden när den har skickats till genomförande.'}
    </p>
  );
}
