// The GraphQL playground: query articles (and, as the game grows, quotes,
// questions and leaderboards) directly. The schema documentation is in the
// explorer on the left.
import type { Metadata } from 'next';
import { PlaygroundLoader } from './PlaygroundLoader';

export const metadata: Metadata = { title: 'GraphQL playground' };

export default function PlaygroundPage() {
  return (
    <section className="playground" aria-labelledby="playground-heading">
      <h1 id="playground-heading" className="visually-hidden">
        GraphQL playground
      </h1>
      <PlaygroundLoader />
    </section>
  );
}
