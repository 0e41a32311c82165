// The page frame shared by every screen: header, main landmark, footer.
import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ApolloWrapper } from './_apollo/ApolloWrapper';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Fact-check Quiz', template: '%s · Fact-check Quiz' },
  description: 'Read real news articles, answer questions about who said what, and see the evidence behind every answer.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#12355b' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              ✓
            </span>
            Fact-check Quiz
          </Link>
          <nav aria-label="Main">
            <Link href="/">Quizzes</Link>
            <Link href="/join">Join a class</Link>
            <Link href="/leaderboard">Leaderboards</Link>
            <Link href="/playground">GraphQL playground</Link>
          </nav>
        </header>
        <ApolloWrapper>
          <main id="main" className="site-main">
            {children}
          </main>
        </ApolloWrapper>
        <footer className="site-footer">
          Every answer comes with the sentence from the article that proves it.
        </footer>
      </body>
    </html>
  );
}
