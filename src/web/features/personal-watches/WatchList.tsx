/**
 * A list of my watches: each with its state (Förfallen, Idag, Kommande, Klar) in words as well as
 * colour, its day, what to look at, the person and the record as links, and Klarmarkera / Ta bort
 * (or Öppna igen once done). One column of cards, so it reads the same at 390 px as on a desk.
 */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { StatusMessage } from '../../components/Alert.tsx';
import { formatDate, formatDateTime, personName } from '../../format.ts';
import {
  deletePersonalWatch,
  markPersonalWatchDone,
  onPersonalWatchesChanged,
  reopenPersonalWatch,
  type PersonalWatch,
} from './personalWatches.api.ts';
import { WATCH_STATE_LABELS, watchRecordPath, watchRecordText } from './watchLabels.ts';
import './personalWatches.css';

interface WatchListProps {
  watches: readonly PersonalWatch[];
  /** On the person's own page the person is not repeated. */
  showsPerson?: boolean;
  empty: string;
  /** Names the list for screen readers. */
  label: string;
}

type Action = 'done' | 'reopen' | 'delete';

export function WatchList({ watches, showsPerson = true, empty, label }: WatchListProps) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);

  const act = async (watch: PersonalWatch, action: Action) => {
    setBusy(`${watch.id}:${action}`);
    setError(null);
    try {
      if (action === 'done') await markPersonalWatchDone(watch.id);
      else if (action === 'reopen') await reopenPersonalWatch(watch.id);
      else await deletePersonalWatch(watch.id);
      onPersonalWatchesChanged(queryClient);
      setMessage(
        action === 'done'
          ? 'Bevakningen är klarmarkerad.'
          : action === 'reopen'
            ? 'Bevakningen är öppnad igen.'
            : 'Bevakningen är borttagen.',
      );
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <StatusMessage message={message} />
      <ErrorAlert error={error} />
      {watches.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="watch-list" aria-label={label}>
          {watches.map((watch) => {
            const who = personName(watch.person) ?? 'Skyddad identitet';
            const about = `${watch.note.length > 40 ? `${watch.note.slice(0, 40)} …` : watch.note}, ${formatDate(watch.dueOn)}`;
            return (
              <li key={watch.id} className={`watch watch--${watch.state}`}>
                <p className="watch__head">
                  <span className={`tag watch__state watch__state--${watch.state}`}>
                    {WATCH_STATE_LABELS[watch.state]}
                  </span>{' '}
                  <strong>{formatDate(watch.dueOn)}</strong>
                </p>
                <p className="watch__note">{watch.note}</p>
                <p className="watch__links">
                  {showsPerson && (
                    <Link to={`/personer/${watch.person.id}`}>
                      {who} <span className="nowrap">{watch.person.identityNumber}</span>
                    </Link>
                  )}
                  {watch.record && <Link to={watchRecordPath(watch.record)}>{watchRecordText(watch.record)}</Link>}
                </p>
                {watch.doneAt && <p className="muted watch__done">Klarmarkerad {formatDateTime(watch.doneAt)}</p>}
                <div className="button-row watch__actions">
                  {watch.state === 'done' ? (
                    <Button onClick={() => void act(watch, 'reopen')} busy={busy === `${watch.id}:reopen`}>
                      Öppna igen<span className="visually-hidden"> bevakningen {about}</span>
                    </Button>
                  ) : (
                    <>
                      <Button
                        variant="primary"
                        onClick={() => void act(watch, 'done')}
                        busy={busy === `${watch.id}:done`}
                      >
                        Klarmarkera<span className="visually-hidden"> bevakningen {about}</span>
                      </Button>
                      <Button
                        variant="quiet"
                        onClick={() => void act(watch, 'delete')}
                        busy={busy === `${watch.id}:delete`}
                      >
                        Ta bort<span className="visually-hidden"> bevakningen {about}</span>
                      </Button>
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
