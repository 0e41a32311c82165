'use client';
// The article catalogue on the home page. Data is preloaded on the server
// (PreloadQuery) and read here from Apollo Client's cache.
import { useReadQuery, type QueryRef } from '@apollo/client/react';
import Link from 'next/link';
import type { HomeArticlesQuery } from '@/graphql/generated/client/graphql';
import { formatDate } from './format';

export function ArticleList({ queryRef }: { queryRef: QueryRef<HomeArticlesQuery> }) {
  const { data } = useReadQuery(queryRef);
  const articles = data.articles;
  if (articles.length === 0) {
    return (
      <p className="empty">
        No articles yet. Put an article file in <code>seeds/</code> and run <code>npm run db:seed</code>.
      </p>
    );
  }
  return (
    <ul className="article-list" aria-label="Articles">
      {articles.map((article) => {
        const date = formatDate(article.publishedAt);
        return (
          <li key={article.id} className="article-card">
            <h2>
              <Link href={`/articles/${article.id}`}>{article.title}</Link>
            </h2>
            <p className="meta">
              <span className="outlet">{article.outlet ?? 'Outlet not given'}</span>
              {' · '}
              {date ? <time dateTime={article.publishedAt ?? undefined}>{date}</time> : <span>Date not given</span>}
              {' · '}
              <span>{article.readingMinutes} min read</span>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
