// A finished game: score, accuracy, and every question with its answer and
// the evidence for it; play again, or see the leaderboard.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { graphql } from '@/graphql/generated/client';
import { query } from '../../_apollo/rsc-client';
import { EvidenceExcerpt } from '../../_components/EvidenceExcerpt';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Results' };

const ResultsQuery = graphql(`
  query Results($id: ID!) {
    game(id: $id) {
      id
      nickname
      status
      mode
      score
      correctCount
      questionCount
      quiz {
        id
        title
      }
      answers {
        correct
        late
        points
        question {
          id
          prompt
        }
        chosenChoice {
          text
        }
        correctChoice {
          text
        }
        explanation
        evidence {
          sentence
          start
          end
          article {
            id
            title
            outlet
            body
          }
        }
      }
    }
  }
`);

export default async function ResultsPage({ params }: { params: Promise<{ gameId: string }> }) {
  const { data } = await query({ query: ResultsQuery, variables: { id: (await params).gameId } });
  const game = data?.game;
  if (!game) notFound();
  const accuracy = game.questionCount ? Math.round((game.correctCount / game.questionCount) * 100) : 0;
  return (
    <article className="results">
      <h1>{game.status === 'FINISHED' ? 'Results' : 'Results so far'}</h1>
      <p className="meta">
        {game.nickname} · {game.quiz.title} · {game.mode === 'SPEED' ? 'Speed' : 'Accuracy'} scoring
      </p>
      <dl className="result-figures">
        <div>
          <dt>Score</dt>
          <dd>{game.score.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Correct</dt>
          <dd>
            {game.correctCount} of {game.questionCount}
          </dd>
        </div>
        <div>
          <dt>Accuracy</dt>
          <dd>{accuracy}%</dd>
        </div>
      </dl>
      <p className="quiz-actions">
        <Link className="button primary big" href={`/play/${game.quiz.id}`}>
          Play again
        </Link>
        <Link className="button big" href={`/leaderboard?quiz=${game.quiz.id}`}>
          Leaderboard
        </Link>
      </p>
      <h2 className="section-title">Every question, with its evidence</h2>
      <ol className="answer-review">
        {game.answers.map((answer) => (
          <li key={answer.question.id} className={answer.correct ? 'right' : 'wrong'}>
            <p className="review-verdict">
              <span aria-hidden="true">{answer.correct ? '✓' : '✗'}</span> {answer.correct ? `Correct, +${answer.points.toLocaleString('en-US')}` : answer.late ? 'Time ran out' : 'Wrong'}
            </p>
            <h3>{answer.question.prompt}</h3>
            <p>
              Answer: <strong>{answer.correctChoice.text}</strong>
              {!answer.correct && answer.chosenChoice && <> · you chose {answer.chosenChoice.text}</>}
            </p>
            <p className="explanation">{answer.explanation}</p>
            <EvidenceExcerpt evidence={answer.evidence} />
          </li>
        ))}
      </ol>
    </article>
  );
}
