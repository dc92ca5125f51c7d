/**
 * Mitt skrivbord: where the day starts. What waits, a quick search and the position's units. The
 * folders are the menu's, on every page; the desk does not repeat them (issue 15).
 */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useSession } from '../../session/session.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { UnitTable } from './UnitTable.tsx';
import { WaitingWork } from './WaitingWork.tsx';
import { useDeskOverview } from './desk.api.ts';
import { visibleFolders } from './folders.ts';

export function DeskHomePage() {
  const { session, position, roles } = useSession();
  const folders = visibleFolders(roles);
  const worksWithPersons = folders.some((folder) => folder.key === 'search');
  return (
    <section className="page">
      <PageTitle>Mitt skrivbord</PageTitle>
      <p className="lead">
        Välkommen, {session?.user.displayName}. Du arbetar som {position?.title} på {position?.unitName}.
      </p>
      {worksWithPersons && <WaitingWork />}
      {worksWithPersons && <QuickSearch />}
      {worksWithPersons && <MyUnitsSummary />}
      {!worksWithPersons && <p>Välj i menyn vad du vill göra.</p>}
    </section>
  );
}

function QuickSearch() {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    navigate(text.trim() ? `/personer/sok?q=${encodeURIComponent(text.trim())}` : '/personer/sok');
  };
  return (
    <form role="search" aria-label="Snabbsök person" onSubmit={onSubmit} noValidate className="search-form">
      <TextInput
        label="Sök person: personnummer, födelsedatum eller namn"
        value={text}
        onChange={setText}
        autoComplete="off"
        spellCheck={false}
      />
      <Button type="submit" variant="primary">
        Sök
      </Button>
    </form>
  );
}

function MyUnitsSummary() {
  const overview = useDeskOverview();
  return (
    <>
      <h2>Mina enheter</h2>
      {overview.isPending && <Spinner />}
      <ErrorAlert error={overview.error} />
      {overview.data && <UnitTable units={overview.data.units} caption="Mina enheter" captionHidden />}
      {overview.data && (
        <p>
          <Link to="/personer/senast">Senast öppnade</Link> ({overview.data.recentPersonCount}{' '}
          {overview.data.recentPersonCount === 1 ? 'person' : 'personer'})
        </p>
      )}
    </>
  );
}
