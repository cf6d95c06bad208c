import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <main className="page">
      <div className="panel">
        <h1>Page not found</h1>
        <p>There is no page at this address.</p>
        <Link to="/">Go to the sessions explorer</Link>
      </div>
    </main>
  );
}
