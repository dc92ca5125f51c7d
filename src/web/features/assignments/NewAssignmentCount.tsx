/**
 * How many new assignments wait, after the desk's "Nya uppdrag" folder. Asked every 30 s and on
 * window focus (assignments.api.ts), so a sent assignment shows up without a reload.
 */
import { useNewAssignmentCount } from './assignments.api.ts';

/** "4" after the folder name ("4 nya uppdrag" to screen readers); nothing while there are none. */
export function NewAssignmentFolderCount() {
  const count = useNewAssignmentCount(true);
  if (!count.data) return null;
  return (
    <span className="desk-nav__count desk-nav__count--unread">
      <span className="visually-hidden">, </span>
      {count.data}
      <span className="visually-hidden"> {count.data === 1 ? 'nytt uppdrag' : 'nya uppdrag'}</span>
    </span>
  );
}
