// Which articles tell the same story: they name mostly the same people,
// organisations and places, or print the same remark by the same person.
// Articles are grouped transitively (A~B, B~C → one story).
import type { ArticleForQuestions } from './question.ts';
import { similarity } from './quote-match.ts';
import { attributedQuotes } from './pools.ts';

const MIN_SHARED = 3;
const MIN_OVERLAP = 0.25;

function namesOf(article: ArticleForQuestions): Set<string> {
  return new Set(article.analysis.entities.filter((e) => !e.partial && e.kind !== 'OUTLET').map((e) => e.name.toLowerCase()));
}

function sameStory(a: ArticleForQuestions, b: ArticleForQuestions): boolean {
  const x = namesOf(a);
  const y = namesOf(b);
  const shared = [...x].filter((n) => y.has(n)).length;
  if (shared >= MIN_SHARED && shared / (x.size + y.size - shared) >= MIN_OVERLAP) return true;
  return attributedQuotes(a).some((qa) => attributedQuotes(b).some((qb) => qa.speaker!.name === qb.speaker!.name && similarity(qa.text, qb.text) >= 0.5));
}

export function groupStories(articles: ArticleForQuestions[]): ArticleForQuestions[][] {
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < articles.length; i += 1) {
    for (let j = i + 1; j < articles.length; j += 1) {
      if (find(i) !== find(j) && sameStory(articles[i]!, articles[j]!)) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, ArticleForQuestions[]>();
  articles.forEach((article, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), article]));
  return [...groups.values()];
}
