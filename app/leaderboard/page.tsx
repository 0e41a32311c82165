// Leaderboards: one quiz's or all quizzes', today, this week or all time.
import type { Metadata } from 'next';
import Link from 'next/link';
import { graphql } from '@/graphql/generated/client';
import type { LeaderboardPeriod } from '@/graphql/generated/client/graphql';
import { query } from '../_apollo/rsc-client';
import { YourRank } from './YourRank';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Leaderboards' };

const PERIODS: { value: LeaderboardPeriod; label: string }[] = [
  { value: 'DAY', label: 'Today' },
  { value: 'WEEK', label: 'This week' },
  { value: 'ALL_TIME', label: 'All time' },
];

const LeaderboardQuery = graphql(`
  query LeaderboardPage($quizId: ID, $period: LeaderboardPeriod, $after: String) {
    leaderboard(quizId: $quizId, period: $period, first: 25, after: $after) {
      entries {
        rank
        nickname
        score
        correctCount
        questionCount
        mode
        finishedAt
        quiz {
          id
          title
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      quiz {
        id
        title
      }
    }
    quizzes {
      id
      title
      kind
    }
  }
`);

function href(quiz: string | null, period: LeaderboardPeriod, after?: string | null) {
  const params = new URLSearchParams();
  if (quiz) params.set('quiz', quiz);
  if (period !== 'ALL_TIME') params.set('period', period);
  if (after) params.set('after', after);
  const search = params.toString();
  return `/leaderboard${search ? `?${search}` : ''}`;
}

export default async function LeaderboardPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const quizId = params.quiz ?? null;
  const period = (PERIODS.some((p) => p.value === params.period) ? params.period : 'ALL_TIME') as LeaderboardPeriod;
  const { data } = await query({ query: LeaderboardQuery, variables: { quizId, period, after: params.after ?? null } });
  const board = data?.leaderboard;
  return (
    <article className="leaderboard">
      <h1>{board?.quiz ? `Leaderboard: ${board.quiz.title}` : 'Leaderboard: all quizzes'}</h1>
      <nav aria-label="Period" className="tabs">
        {PERIODS.map((p) => (
          <Link key={p.value} href={href(quizId, p.value)} aria-current={p.value === period ? 'page' : undefined} className={p.value === period ? 'tab current' : 'tab'}>
            {p.label}
          </Link>
        ))}
      </nav>
      <nav aria-label="Quiz" className="quiz-filter">
        <Link href={href(null, period)} aria-current={quizId ? undefined : 'page'}>
          All quizzes
        </Link>
        {data?.quizzes.map((q) => (
          <Link key={q.id} href={href(q.id, period)} aria-current={q.id === quizId ? 'page' : undefined}>
            {q.title}
          </Link>
        ))}
      </nav>
      <YourRank quizId={quizId} period={period} />
      {board?.entries.length ? (
        <table className="board">
          <caption className="visually-hidden">Ranks, highest score first; an earlier finish wins a tie</caption>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Player</th>
              <th scope="col">Score</th>
              <th scope="col">Correct</th>
              {!quizId && <th scope="col">Quiz</th>}
            </tr>
          </thead>
          <tbody>
            {board.entries.map((entry) => (
              <tr key={`${entry.rank}-${entry.nickname}`}>
                <td>{entry.rank}</td>
                <td>{entry.nickname}</td>
                <td>{entry.score.toLocaleString('en-US')}</td>
                <td>
                  {entry.correctCount}/{entry.questionCount}
                </td>
                {!quizId && <td>{entry.quiz.title.replace(/^Story: /, '')}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty">No finished games in this period yet. Be the first!</p>
      )}
      {board?.pageInfo.hasNextPage && (
        <p>
          <Link className="button" href={href(quizId, period, board.pageInfo.endCursor)}>
            More
          </Link>
        </p>
      )}
    </article>
  );
}
