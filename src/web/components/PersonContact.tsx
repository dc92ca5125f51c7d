/**
 * How to reach a person at home: the registered address and the phones as links a phone can call.
 * Shown beside an assignment, a provider case and before a visit. A protected identity's address
 * never comes from the server here; it says so instead of looking empty.
 */
import type { Address, PersonContact } from '../../contract/persons.ts';
import { telHref } from '../format.ts';

/** A phone number as a link that calls it (tel:), or as text when it holds no digits. */
export function TelLink({ phone, label }: { phone: string; label?: string }) {
  const href = telHref(phone);
  if (!href) return <>{phone}</>;
  return (
    <a href={href} className="tel-link">
      {phone}
      {label && <span className="muted"> ({label})</span>}
    </a>
  );
}

/** The address on its lines: c/o, street, postal code and town. */
export function AddressLines({ address }: { address: Address }) {
  return (
    <address className="address-lines">
      {address.careOf && (
        <>
          c/o {address.careOf}
          <br />
        </>
      )}
      {address.street}
      <br />
      {address.postalCode} {address.city}
    </address>
  );
}

/** The phones, the mobile one marked, each on its line; "Inget telefonnummer" when none. */
export function PhoneLines({ contact }: { contact: Pick<PersonContact, 'phone' | 'mobilePhone'> }) {
  if (!contact.phone && !contact.mobilePhone) return <span className="muted">Inget telefonnummer registrerat</span>;
  return (
    <span className="phone-lines">
      {contact.phone && <TelLink phone={contact.phone} />}
      {contact.mobilePhone && <TelLink phone={contact.mobilePhone} label="mobil" />}
    </span>
  );
}

interface ContactFactsProps {
  contact: PersonContact;
  isProtected: boolean;
  /** A protected identity's address, when the reader revealed it on the person's page. */
  revealedAddress?: Address | null;
}

/** Adress and Telefon as rows of a `dl.facts` (the caller's list). */
export function PersonContactFacts({ contact, isProtected, revealedAddress }: ContactFactsProps) {
  const address = contact.address ?? revealedAddress ?? null;
  return (
    <>
      <div>
        <dt>Adress</dt>
        <dd>
          {address ? (
            <AddressLines address={address} />
          ) : isProtected ? (
            <span className="muted">Skyddad – visas inte här</span>
          ) : (
            <span className="muted">Ingen adress registrerad</span>
          )}
        </dd>
      </div>
      <div>
        <dt>Telefon</dt>
        <dd>
          <PhoneLines contact={contact} />
        </dd>
      </div>
    </>
  );
}
