// The quizzes on the home page: stories first (several outlets on one
// event), each with the articles it draws on, then single articles.
import Link from 'next/link';

export interface QuizCard {
  id: string;
  kind: 'ARTICLE' | 'STORY';
  title: string;
  questionCount: number;
  articles: { id: string; title: string; outlet?: string | null }[];
}

export function QuizCards({ quizzes }: { quizzes: QuizCard[] }) {
  if (!quizzes.length) return <p className="empty">No quizzes yet: add articles to build them.</p>;
  return (
    <ul className="quiz-list" aria-label="Quizzes">
      {quizzes.map((quiz) => (
        <li key={quiz.id} className={`quiz-card quiz-${quiz.kind.toLowerCase()}`}>
          <p className="quiz-kind">{quiz.kind === 'STORY' ? `Story · ${quiz.articles.length} articles` : 'Single article'}</p>
          <h3>{quiz.kind === 'STORY' ? quiz.title.replace(/^Story: /, '') : quiz.title}</h3>
          <ul className="quiz-sources" aria-label="Sources">
            {quiz.articles.map((article) => (
              <li key={article.id}>
                <Link href={`/articles/${article.id}`}>{article.outlet ?? 'Outlet not given'}</Link>
                {quiz.kind === 'STORY' && <span className="source-title"> — {article.title}</span>}
              </li>
            ))}
          </ul>
          <p className="quiz-actions">
            <Link className="button primary" href={`/play/${quiz.id}`} aria-label={`Play: ${quiz.title} (${quiz.questionCount} questions)`}>
              Play · {quiz.questionCount} questions
            </Link>
            <Link className="button" href={`/host/new/${quiz.id}`} aria-label={`Host a class session: ${quiz.title}`}>
              Host a class
            </Link>
            <Link className="button" href={`/leaderboard?quiz=${quiz.id}`}>
              Leaderboard
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
