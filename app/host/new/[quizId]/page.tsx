// Hosting a classroom session of a quiz: the teacher chooses the settings,
// then lands on the lobby screen to project.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { graphql } from '@/graphql/generated/client';
import { query } from '../../../_apollo/rsc-client';
import { HostSetup } from './HostSetup';

export const dynamic = 'force-dynamic';

const HostQuizQuery = graphql(`
  query HostQuiz($id: ID!) {
    quiz(id: $id) {
      id
      title
      questionCount
      questions { id type }
    }
  }
`);

export const metadata: Metadata = { title: 'Host a class session' };

export default async function HostNewPage({ params }: { params: Promise<{ quizId: string }> }) {
  const { data } = await query({ query: HostQuizQuery, variables: { id: (await params).quizId } });
  if (!data?.quiz) notFound();
  const { quiz } = data;
  const types = [...new Set(quiz.questions.map((q) => q.type))];
  return (
    <article className="play-page">
      <p>
        <Link href="/" className="back-link">
          ← All quizzes
        </Link>
      </p>
      <h1>Host a class session</h1>
      <p className="meta">
        <strong>{quiz.title}</strong> · {quiz.questionCount} questions. Project your screen; students join on their phones with a code. You move the
        class from question to question and discuss each answer with its evidence.
      </p>
      <HostSetup quizId={quiz.id} questionCount={quiz.questionCount} types={types} />
    </article>
  );
}
