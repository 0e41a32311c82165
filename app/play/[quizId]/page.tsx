// Playing a quiz: the quiz's title and rules from the server, the game itself
// in the browser (PlayGame).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { graphql } from '@/graphql/generated/client';
import { query } from '../../_apollo/rsc-client';
import { PlayGame } from './PlayGame';

export const dynamic = 'force-dynamic';

const PlayPageQuery = graphql(`
  query PlayPage($id: ID!) {
    quiz(id: $id) {
      id
      title
      kind
      questionCount
      articles {
        id
        title
        outlet
      }
    }
    scoringRules {
      mode
      text
    }
  }
`);

async function load(id: string) {
  const { data } = await query({ query: PlayPageQuery, variables: { id } });
  return data;
}

export async function generateMetadata({ params }: { params: Promise<{ quizId: string }> }): Promise<Metadata> {
  const data = await load((await params).quizId);
  return { title: data?.quiz ? `Play: ${data.quiz.title}` : 'Quiz not found' };
}

export default async function PlayPage({ params }: { params: Promise<{ quizId: string }> }) {
  const data = await load((await params).quizId);
  if (!data?.quiz) notFound();
  const { quiz } = data;
  return (
    <article className="play-page">
      <p>
        <Link href="/" className="back-link">
          ← All quizzes
        </Link>
      </p>
      <h1>{quiz.title}</h1>
      <p className="meta">
        {quiz.questionCount} questions from{' '}
        {quiz.articles.map((a, i) => (
          <span key={a.id}>
            {i > 0 && ', '}
            <Link href={`/articles/${a.id}`}>{a.outlet ?? a.title}</Link>
          </span>
        ))}
        . Read the {quiz.articles.length > 1 ? 'articles' : 'article'} first, or play straight away: every answer shows the sentence that proves it.
      </p>
      <PlayGame quizId={quiz.id} rules={data.scoringRules} />
    </article>
  );
}
