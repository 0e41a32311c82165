// Home: the articles the quizzes are built from.
import { Suspense } from 'react';
import { graphql } from '@/graphql/generated/client';
import { PreloadQuery, query } from './_apollo/rsc-client';
import { ArticleList } from './_components/ArticleList';
import { QuizCards } from './_components/QuizCards';

// Always rendered per request: the catalogue lives in the database.
export const dynamic = 'force-dynamic';

const HomeArticles = graphql(`
  query HomeArticles {
    articles {
      id
      title
      outlet
      publishedAt
      readingMinutes
    }
  }
`);

const HomeQuizzes = graphql(`
  query HomeQuizzes {
    quizzes {
      id
      kind
      title
      questionCount
      articles {
        id
        title
        outlet
      }
    }
  }
`);

export default async function HomePage() {
  const { data } = await query({ query: HomeQuizzes });
  return (
    <>
      <section className="intro">
        <h1>Who really said it?</h1>
        <p>
          Read a short news article, then answer questions about it: who is quoted, which source a claim rests on,
          which sentence is opinion. After each answer you see the sentence that proves it.
        </p>
      </section>
      <section aria-labelledby="quizzes-heading" className="home-section">
        <h2 id="quizzes-heading" className="section-title">
          Quizzes
        </h2>
        <QuizCards quizzes={data?.quizzes ?? []} />
      </section>
      <section aria-labelledby="articles-heading" className="home-section">
        <h2 id="articles-heading" className="section-title">
          Read the articles
        </h2>
        <PreloadQuery query={HomeArticles}>
          {(queryRef) => (
            <Suspense fallback={<p className="loading">Loading articles…</p>}>
              <ArticleList queryRef={queryRef} />
            </Suspense>
          )}
        </PreloadQuery>
      </section>
    </>
  );
}
