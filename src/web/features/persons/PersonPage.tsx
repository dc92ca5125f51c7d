/**
 * A person with the details in tabs, as staff know them from the provider manual: Personuppgifter,
 * Adress, Telefon/E-post, Besöksinfo, Viktigt att veta, Närstående, Referenspersoner, Nyckelnummer,
 * and Logg for managers. The open tab is in the address (?flik=…) so reload keeps it. Provider
 * staff see Inför besöket above the tabs first (features/visits).
 */
import { useState } from 'react';
import { useLocation, useParams, useSearchParams } from 'react-router-dom';
import type { PersonDetail } from '../../../contract/persons.ts';
import { Alert } from '../../components/Alert.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Tabs, type TabItem } from '../../components/Tabs.tsx';
import { isApiError } from '../../api/client.ts';
import { PersonActions, PersonHeader } from './PersonHeader.tsx';
import { RevealDialog } from './RevealDialog.tsx';
import { usePerson, type RevealedIdentity } from './persons.api.ts';
import { AccessLogTab } from './tabs/AccessLogTab.tsx';
import { AddressTab } from './tabs/AddressTab.tsx';
import { ContactTab, ImportantInfoTab, VisitInfoTab } from './tabs/ContactTabs.tsx';
import { CoreTab } from './tabs/CoreTab.tsx';
import { DetailListTab } from './tabs/DetailListTab.tsx';
import { KEYS, REFERENCE_PERSONS, RELATIVES } from './tabs/detailLists.ts';
import { useSession } from '../../session/session.tsx';
import { CASE_ROLES } from '../cases/caseRoutes.tsx';
import { PersonCasesTab } from '../cases/PersonCasesTab.tsx';
import { DeliveriesTab } from '../deliveries/DeliveriesTab.tsx';
import { VisitSummarySection } from '../visits/VisitSummary.tsx';
import { PersonWatches } from '../personal-watches/PersonWatches.tsx';
import { VISIT_SUMMARY_ROLES } from '../visits/visits.api.ts';

export function PersonPage() {
  const { personId = '' } = useParams();
  const person = usePerson(personId);
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  // Shown for this view only: never cached, gone when the user leaves the page.
  const [revealed, setRevealed] = useState<RevealedIdentity | null>(null);
  const [isRevealOpen, setIsRevealOpen] = useState(false);
  const { roles } = useSession();
  const readsVisitSummary = roles.some((role) => VISIT_SUMMARY_ROLES.includes(role));

  if (person.isPending) {
    return (
      <section className="page">
        <PageTitle>Person</PageTitle>
        <Spinner />
      </section>
    );
  }
  if (person.error || !person.data) {
    const isMissing = isApiError(person.error, 404) || isApiError(person.error, 400);
    return (
      <section className="page">
        <PageTitle>{isMissing ? 'Personen hittades inte' : 'Personen kunde inte visas'}</PageTitle>
        {isMissing ? (
          <p>Personen finns inte, eller så ingår hon eller han inte i din befattnings enheter.</p>
        ) : (
          <ErrorAlert error={person.error} />
        )}
      </section>
    );
  }

  return (
    <section className="page">
      <PersonHeader
        person={person.data}
        revealed={revealed}
        onReveal={() => setIsRevealOpen(true)}
        withActions={!readsVisitSummary}
      />
      {notice && <Alert tone="success">{notice}</Alert>}
      {/* Provider staff open a person between visits, often on a phone: what they need comes first. */}
      {readsVisitSummary && (
        <>
          <VisitSummarySection personId={personId} revealedAddress={revealed?.currentAddress ?? null} />
          <PersonActions person={person.data} className="person-actions" />
        </>
      )}
      <PersonTabs person={person.data} revealed={revealed} />
      <PersonWatches personId={personId} />
      <RevealDialog
        personId={personId}
        open={isRevealOpen}
        onClose={() => setIsRevealOpen(false)}
        onRevealed={(identity) => {
          setRevealed(identity);
          setIsRevealOpen(false);
        }}
      />
    </section>
  );
}

function PersonTabs({ person, revealed }: { person: PersonDetail; revealed: RevealedIdentity | null }) {
  const [params, setParams] = useSearchParams();
  const { roles } = useSession();
  const canEditLists = person.permissions.canEditProviderTabs;
  const tabs: TabItem[] = [
    // Revealing gives the core form its names: start it afresh then (it was read-only before).
    {
      id: 'personuppgifter',
      label: 'Personuppgifter',
      content: <CoreTab key={revealed ? 'revealed' : 'masked'} person={person} revealed={revealed} />,
    },
    { id: 'adress', label: 'Adress', content: <AddressTab person={person} revealed={revealed} /> },
    { id: 'kontakt', label: 'Telefon/E-post', content: <ContactTab person={person} /> },
    { id: 'besok', label: 'Besöksinfo', content: <VisitInfoTab person={person} /> },
    { id: 'viktigt', label: 'Viktigt att veta', content: <ImportantInfoTab person={person} /> },
    {
      id: 'narstaende',
      label: 'Närstående',
      content: <DetailListTab personId={person.id} spec={RELATIVES} canEdit={canEditLists} />,
    },
    {
      id: 'referenspersoner',
      label: 'Referenspersoner',
      content: <DetailListTab personId={person.id} spec={REFERENCE_PERSONS} canEdit={canEditLists} />,
    },
    {
      id: 'nyckel',
      label: 'Nyckelnummer',
      content: <DetailListTab personId={person.id} spec={KEYS} canEdit={canEditLists} />,
    },
  ];
  if (roles.some((role) => CASE_ROLES.includes(role)))
    tabs.push({ id: 'arenden', label: 'Ärenden', content: <PersonCasesTab personId={person.id} /> });
  tabs.push({ id: 'insatser', label: 'Insatser', content: <DeliveriesTab personId={person.id} /> });
  if (person.permissions.canReviewAccessLog)
    tabs.push({ id: 'logg', label: 'Logg', content: <AccessLogTab person={person} /> });

  const selected = params.get('flik') ?? 'personuppgifter';
  const select = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('flik', id);
    // Replace: switching tabs should not fill the back button's history.
    setParams(next, { replace: true, state: null });
  };
  return <Tabs label="Uppgifter om personen" idPrefix="person" tabs={tabs} selectedId={selected} onSelect={select} />;
}
