// What a build of the catalogue stores: each article's entities, quotes and
// questions, and each story's questions — plain data, so a build made on the
// engine's worker thread (engine-thread.ts) crosses to the main thread as is.
import type { EntityKind } from '../analysis/find-entities.ts';
import type { QuoteKind, Speaker } from '../analysis/attribute-quotes.ts';
import { buildQuestions, type ArticleText } from './build-questions.ts';
import type { Question } from './question.ts';

export interface CatalogueBuild {
  articles: {
    key: string;
    entities: { kind: EntityKind; name: string; aliases: string[]; titles: string[] }[];
    quotes: {
      text: string;
      start: number;
      end: number;
      kind: QuoteKind;
      cue: string | null;
      speaker: Pick<Speaker, 'kind' | 'name'> | null;
      sentence: { start: number; end: number };
    }[];
    questions: Question[];
  }[];
  /** Stories of more than one article. */
  stories: { articleKeys: string[]; questions: Question[] }[];
}

/** Runs the engine over every article (buildQuestions) and keeps what is stored. */
export function buildCatalogue(texts: ArticleText[]): CatalogueBuild {
  const built = buildQuestions(texts);
  return {
    articles: built.articles.map(({ article, questions }) => ({
      key: article.key,
      entities: article.analysis.entities.map(({ kind, name, aliases, titles }) => ({ kind, name, aliases, titles })),
      quotes: article.analysis.quotes.map(({ text, start, end, kind, cue, speaker, sentence }) => ({
        text,
        start,
        end,
        kind,
        cue,
        speaker: speaker && { kind: speaker.kind, name: speaker.name },
        sentence: { start: sentence.start, end: sentence.end },
      })),
      questions,
    })),
    stories: built.stories.map((story) => ({ articleKeys: story.articles.map((a) => a.key), questions: story.questions })),
  };
}
