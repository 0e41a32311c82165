// Shown for unknown paths and for articles that do not exist.
import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="not-found">
      <h1>Not found</h1>
      <p>There is nothing at this address. It may have been removed, or the link may be mistyped.</p>
      <p>
        <Link href="/">Back to the articles</Link>
      </p>
    </section>
  );
}
