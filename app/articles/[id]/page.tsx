// One article, in full: the text every question about it is grounded in.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { graphql } from '@/graphql/generated/client';
import { query } from '../../_apollo/rsc-client';
import { formatDate } from '../../_components/format';

export const dynamic = 'force-dynamic';

const ArticlePageQuery = graphql(`
  query ArticlePage($id: ID!) {
    article(id: $id) {
      id
      title
      titleDerived
      outlet
      url
      publishedAt
      blocks {
        kind
        text
      }
      wordCount
      readingMinutes
    }
  }
`);

async function loadArticle(id: string) {
  const { data } = await query({ query: ArticlePageQuery, variables: { id } });
  return data?.article ?? null;
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const article = await loadArticle((await params).id);
  return { title: article?.title ?? 'Article not found' };
}

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const article = await loadArticle((await params).id);
  if (!article) notFound();
  const date = formatDate(article.publishedAt);
  return (
    <article className="article">
      <p>
        <Link href="/" className="back-link">
          ← All articles
        </Link>
      </p>
      <header>
        <h1>{article.title}</h1>
        {article.titleDerived && (
          <p className="note">The source gave no headline; this title is taken from the article&apos;s opening.</p>
        )}
        <p className="meta">
          <span className="outlet">{article.outlet ?? 'Outlet not given'}</span>
          {' · '}
          {date ? <time dateTime={article.publishedAt ?? undefined}>{date}</time> : <span>Date not given</span>}
          {' · '}
          <span>
            {article.wordCount} words, {article.readingMinutes} min read
          </span>
          {article.url && (
            <>
              {' · '}
              <a href={article.url} rel="noopener noreferrer">
                Original
              </a>
            </>
          )}
        </p>
      </header>
      <div className="article-body">
        {article.blocks.map((block, index) =>
          block.kind === 'HEADING' ? <h2 key={index}>{block.text}</h2> : <p key={index}>{block.text}</p>,
        )}
      </div>
    </article>
  );
}
