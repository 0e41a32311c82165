// Builds every question for a set of articles: each article's own questions
// (with distractors from its story), then the story questions that compare
// articles. Deterministic: the same texts always give the same questions.
import { analyseArticle, readText } from '../analysis/analyse-article.ts';
import { factOrOpinionQuestions } from './fact-or-opinion.ts';
import { groupStories } from './group-stories.ts';
import { numberQuestions } from './number.ts';
import type { ArticleForQuestions, Question } from './question.ts';
import { quoteMatchQuestions } from './quote-match.ts';
import { sourceQuestions } from './source.ts';
import { whatSaidQuestions } from './what-said.ts';
import { whoCalledQuestions } from './who-called.ts';
import { whoSaidQuestions } from './who-said.ts';

export interface ArticleText {
  key: string;
  title: string;
  /** The outlet if known; otherwise the analysis may infer it from the text. */
  outlet: string | null;
  text: string;
}

export interface StoryQuestions {
  articles: ArticleForQuestions[];
  /** Questions comparing the story's articles (QUOTE_MATCH). */
  questions: Question[];
}

export interface BuiltQuestions {
  articles: { article: ArticleForQuestions; questions: Question[] }[];
  stories: StoryQuestions[];
}

export function questionsForArticle(article: ArticleForQuestions, story: ArticleForQuestions[]): Question[] {
  return [
    ...whoSaidQuestions(article, story),
    ...whoCalledQuestions(article, story),
    ...whatSaidQuestions(article, story),
    ...sourceQuestions(article, story),
    ...factOrOpinionQuestions(article),
    ...numberQuestions(article),
  ];
}

export function buildQuestions(texts: ArticleText[]): BuiltQuestions {
  const first = texts.map((t) => {
    const reading = readText(t.text);
    return { ...t, reading, analysis: analyseArticle(reading) };
  });
  const firstGroups = groupStories(first.map((a) => ({ key: a.key, title: a.title, outlet: a.outlet ?? a.analysis.inferredOutlet, analysis: a.analysis })));
  // A surname in one article ("Trump") is completed by the full name another article of the story gives.
  const articles: ArticleForQuestions[] = first.map((t) => {
    const story = firstGroups.find((g) => g.some((a) => a.key === t.key)) ?? [];
    const knownPeople = story.filter((a) => a.key !== t.key).flatMap((a) => a.analysis.entities.filter((e) => e.kind === 'PERSON' && !e.partial && e.name.includes(' ')).map((e) => e.name));
    const analysis = knownPeople.length ? analyseArticle(t.reading, { knownPeople }) : t.analysis;
    return { key: t.key, title: t.title, outlet: t.outlet ?? analysis.inferredOutlet, analysis };
  });
  const stories = groupStories(articles);
  return {
    articles: articles.map((article) => ({
      article,
      questions: questionsForArticle(article, stories.find((s) => s.includes(article)) ?? [article]),
    })),
    stories: stories.filter((s) => s.length > 1).map((s) => ({ articles: s, questions: quoteMatchQuestions(s) })),
  };
}
