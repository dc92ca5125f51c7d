/**
 * The person's heading: name (or "Skyddad identitet"), identity number, age, sex and a badge when
 * deceased, and what one does with the person (Skicka meddelande, Mina personer). A protected name
 * never goes into the browser's title or history. Where Inför besöket follows the heading, the page
 * puts the actions after it instead (`withActions` false, PersonActions), so on a phone the address
 * and the door code come before two rows of buttons.
 */
import { Link } from 'react-router-dom';
import type { PersonDetail } from '../../../contract/persons.ts';
import { Button } from '../../components/Button.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ageOn, formatDate, personName } from '../../format.ts';
import { IDENTITY_KIND_LABELS, SEX_LABELS } from '../../i18n/labels.ts';
import { ProtectedTag } from '../../components/PersonTable.tsx';
import type { RevealedIdentity } from './persons.api.ts';
import { MyPersonToggle } from '../desk/MyPersonToggle.tsx';
import { WatchButton } from '../personal-watches/WatchButton.tsx';

interface PersonHeaderProps {
  person: PersonDetail;
  revealed: RevealedIdentity | null;
  onReveal: () => void;
  /** Show Skicka meddelande and Mina personer here (default); false when the page shows PersonActions elsewhere. */
  withActions?: boolean;
}

export function PersonHeader({ person, revealed, onReveal, withActions = true }: PersonHeaderProps) {
  const name = personName(person) ?? (revealed ? personName(revealed) : null);
  const age = ageOn(person.birthDate, person.deceasedDate ?? undefined);
  const documentTitle = person.protectedIdentity
    ? `Skyddad identitet ${person.birthDate}`
    : `${name ?? ''} ${person.identityNumber}`;
  return (
    <div className="person-header">
      <PageTitle documentTitle={documentTitle} className="person-header__title">
        {name ?? <ProtectedTag />}
        {person.protectedIdentity && name && (
          <>
            {' '}
            <ProtectedTag />
          </>
        )}
      </PageTitle>
      <p className="person-header__facts">
        <span>
          <span className="visually-hidden">{IDENTITY_KIND_LABELS[person.identityKind]}: </span>
          <strong>{person.identityNumber}</strong>
          {person.identityKind !== 'personnummer' && (
            <span className="muted"> ({IDENTITY_KIND_LABELS[person.identityKind].toLowerCase()})</span>
          )}
        </span>
        {age !== null && <span>{age} år</span>}
        <span>{SEX_LABELS[person.sex]}</span>
        {person.deceasedDate && <span className="tag tag--deceased">Avliden {formatDate(person.deceasedDate)}</span>}
      </p>
      {withActions && <PersonActions person={person} />}
      {person.protectedIdentity && !revealed && person.permissions.canRevealProtected && (
        <Button onClick={onReveal}>Visa skyddade uppgifter</Button>
      )}
      {revealed && (
        <p className="muted person-header__revealed">
          Skyddade uppgifter visas eftersom du angav en anledning. De försvinner när du lämnar sidan.
        </p>
      )}
    </div>
  );
}

/** Skicka meddelande about the person, adding them to (or taking them from) Mina personer, and Bevaka. */
export function PersonActions({ person, className }: { person: Pick<PersonDetail, 'id'>; className?: string }) {
  return (
    <div className={className ? `button-row ${className}` : 'button-row'}>
      <Link to={`/meddelanden/nytt?person=${encodeURIComponent(person.id)}`} className="button button--secondary">
        Skicka meddelande
      </Link>
      <MyPersonToggle personId={person.id} />
      <WatchButton personId={person.id} />
    </div>
  );
}
