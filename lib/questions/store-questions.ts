// Keeps the stored analysis, questions and quizzes in step with the articles:
// runs the engine over every article and writes what changed. Cheap to call
// at every start: an unchanged catalogue (same texts, same engine) is
// recognised by its fingerprint and nothing is written. A question the texts
// no longer yield is retired, not deleted (games will point at it), and so is
// a quiz whose story has changed; questions go only with their article.
import fs from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '../db/prisma.ts';
import { PROJECT_ROOT } from '../paths.ts';
import type { EntityKind, QuestionType, QuoteKind, SpeakerKind } from '../db/generated/client.ts';
import { buildQuestions } from './build-questions.ts';
import { hashOf } from './choices.ts';
import type { ArticleForQuestions, Question } from './question.ts';

/**
 * The engine's own fingerprint: its source files. Any change to the rules
 * (a fixed attribution, a new question type) rebuilds the stored questions at
 * the next start, without anyone having to remember a version number.
 */
const ENGINE_DIRS = ['lib/analysis', 'lib/questions', 'lib/articles'].map((dir) => path.join(PROJECT_ROOT, dir));
export const ENGINE_VERSION = hashOf(
  ...ENGINE_DIRS.flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((file) => file.endsWith('.ts'))
      .sort()
      .map((file) => fs.readFileSync(path.join(dir, file), 'utf8')),
  ),
);

// Serialises builds across app processes sharing one database.
const BUILD_LOCK = 0x51_55_49_5a; // "QUIZ"

export interface BuildReport {
  built: boolean;
  articles: number;
  questions: number;
  quizzes: number;
  retiredQuestions: number;
}

/** The stored identity of a question: changes whenever anything a player sees changes. */
function storedKey(question: Question, articleId: string): string {
  const { key, prompt, choices, answer, explanation, evidence } = question;
  return hashOf(key, articleId, prompt, ...choices, answer, explanation, String(evidence.start), String(evidence.end));
}

function storyTitle(articles: ArticleForQuestions[]): string {
  return `Story: ${articles[0]!.title}`;
}

function fingerprintOf(articles: { id: string; title: string; outlet: string | null; contentHash: string }[]): string {
  return hashOf(`engine-${ENGINE_VERSION}`, ...articles.map((a) => `${a.id}:${a.contentHash}:${a.title}:${a.outlet ?? ''}`));
}

/** What the fingerprint is made of; the content hash stands for the body, which the cheap check need not read. */
const FINGERPRINT_FIELDS = { id: true, title: true, outlet: true, contentHash: true } as const;
const ARTICLE_FIELDS = { ...FINGERPRINT_FIELDS, body: true } as const;
const ARTICLE_ORDER = [{ createdAt: 'asc' as const }, { id: 'asc' as const }];

export async function storeQuestions(prisma: PrismaClient): Promise<BuildReport> {
  // A cheap check first, outside any lock: an unchanged catalogue needs nothing.
  const current = await prisma.article.findMany({ select: FINGERPRINT_FIELDS, orderBy: ARTICLE_ORDER });
  const last = await prisma.questionBuild.findFirst({ orderBy: { id: 'desc' } });
  if (last?.fingerprint === fingerprintOf(current)) {
    return { built: false, articles: current.length, questions: 0, quizzes: 0, retiredQuestions: 0 };
  }

  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${BUILD_LOCK})`;
      // Read again under the lock: another process may have changed or built since.
      const articles = await tx.article.findMany({ select: ARTICLE_FIELDS, orderBy: ARTICLE_ORDER });
      const fingerprint = fingerprintOf(articles);
      const again = await tx.questionBuild.findFirst({ orderBy: { id: 'desc' } });
      if (again?.fingerprint === fingerprint) return { built: false, articles: articles.length, questions: 0, quizzes: 0, retiredQuestions: 0 };
      const built = buildQuestions(articles.map((a) => ({ key: a.id, title: a.title, outlet: a.outlet, text: a.body })));
      const now = new Date();

      // Analysis: replaced article by article.
      for (const { article } of built.articles) {
        await tx.quote.deleteMany({ where: { articleId: article.key } });
        await tx.articleEntity.deleteMany({ where: { articleId: article.key } });
        const entities = await tx.articleEntity.createManyAndReturn({
          data: article.analysis.entities.map((e, position) => ({
            articleId: article.key,
            kind: e.kind as EntityKind,
            name: e.name,
            aliases: e.aliases,
            titles: e.titles,
            position,
          })),
          skipDuplicates: true,
          select: { id: true, kind: true, name: true },
        });
        const entityId = new Map(entities.map((e) => [`${e.kind}:${e.name}`, e.id]));
        await tx.quote.createMany({
          data: article.analysis.quotes.map((q, position) => ({
            articleId: article.key,
            position,
            text: q.text,
            startOffset: q.start,
            endOffset: q.end,
            kind: q.kind.toUpperCase() as QuoteKind,
            cue: q.cue,
            speakerKind: (q.speaker?.kind ?? null) as SpeakerKind | null,
            speakerName: q.speaker?.name ?? null,
            speakerId: q.speaker && q.speaker.kind !== 'SOURCE' ? (entityId.get(`${q.speaker.kind}:${q.speaker.name}`) ?? null) : null,
            sentenceStart: q.sentence.start,
            sentenceEnd: q.sentence.end,
          })),
        });
      }

      // Questions: new ones added, vanished ones retired, returning ones un-retired.
      const wanted = new Map<string, { question: Question; articleId: string }>();
      for (const { questions } of built.articles) for (const q of questions) wanted.set(storedKey(q, q.evidence.article), { question: q, articleId: q.evidence.article });
      for (const story of built.stories) for (const q of story.questions) wanted.set(storedKey(q, q.evidence.article), { question: q, articleId: q.evidence.article });
      const existing = await tx.question.findMany({ select: { id: true, key: true, retiredAt: true } });
      const existingKeys = new Set(existing.map((q) => q.key));
      await tx.question.createMany({
        data: [...wanted]
          .filter(([key]) => !existingKeys.has(key))
          .map(([key, { question, articleId }]) => ({
            key,
            articleId,
            type: question.type as QuestionType,
            prompt: question.prompt,
            choices: question.choices,
            answerIndex: question.choices.indexOf(question.answer),
            quote: question.quote,
            explanation: question.explanation,
            evidenceText: question.evidence.sentence,
            evidenceStart: question.evidence.start,
            evidenceEnd: question.evidence.end,
          })),
      });
      const retire = existing.filter((q) => !wanted.has(q.key) && !q.retiredAt).map((q) => q.id);
      await tx.question.updateMany({ where: { id: { in: retire } }, data: { retiredAt: now } });
      await tx.question.updateMany({ where: { key: { in: [...wanted.keys()] }, retiredAt: { not: null } }, data: { retiredAt: null } });
      const idOf = new Map((await tx.question.findMany({ where: { key: { in: [...wanted.keys()] } }, select: { id: true, key: true } })).map((q) => [q.key, q.id]));
      const idsFor = (questions: Question[]) => questions.map((q) => idOf.get(storedKey(q, q.evidence.article))!);

      // Quizzes: one per article, one per story of several articles.
      const quizzes: { slug: string; kind: 'ARTICLE' | 'STORY'; title: string; articleIds: string[]; questionIds: string[] }[] = [];
      for (const { article, questions } of built.articles) {
        quizzes.push({ slug: `article-${article.key}`, kind: 'ARTICLE', title: article.title, articleIds: [article.key], questionIds: idsFor(questions) });
      }
      for (const story of built.stories) {
        const ids = story.articles.map((a) => a.key);
        const perArticle = story.articles.map((a) => built.articles.find((b) => b.article === a)!.questions);
        // Story questions first, then the articles' questions taken in turn, for variety.
        const interleaved: Question[] = [...story.questions];
        for (let i = 0; perArticle.some((qs) => i < qs.length); i += 1) for (const qs of perArticle) if (qs[i]) interleaved.push(qs[i]!);
        quizzes.push({ slug: `story-${hashOf(...[...ids].sort()).slice(0, 16)}`, kind: 'STORY', title: storyTitle(story.articles), articleIds: ids, questionIds: idsFor(interleaved) });
      }
      for (const quiz of quizzes) {
        const saved = await tx.quiz.upsert({
          where: { slug: quiz.slug },
          create: { slug: quiz.slug, kind: quiz.kind, title: quiz.title },
          update: { title: quiz.title, retiredAt: null },
          select: { id: true },
        });
        await tx.quizArticle.deleteMany({ where: { quizId: saved.id } });
        await tx.quizQuestion.deleteMany({ where: { quizId: saved.id } });
        await tx.quizArticle.createMany({ data: quiz.articleIds.map((articleId, position) => ({ quizId: saved.id, articleId, position })) });
        await tx.quizQuestion.createMany({ data: [...new Set(quiz.questionIds)].map((questionId, position) => ({ quizId: saved.id, questionId, position })) });
      }
      await tx.quiz.updateMany({ where: { slug: { notIn: quizzes.map((q) => q.slug) }, retiredAt: null }, data: { retiredAt: now } });
      await tx.questionBuild.create({ data: { fingerprint } });
      return { built: true, articles: articles.length, questions: wanted.size, quizzes: quizzes.length, retiredQuestions: retire.length };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
