/** Any address the app does not know. */
import { Link } from 'react-router-dom';
import { PageTitle } from '../components/PageTitle.tsx';

export function NotFoundPage() {
  return (
    <section className="page">
      <PageTitle>Sidan finns inte</PageTitle>
      <p>Adressen kan vara felstavad, eller så har sidan flyttats.</p>
      <p>
        <Link to="/">Till Mitt skrivbord</Link>
      </p>
    </section>
  );
}
