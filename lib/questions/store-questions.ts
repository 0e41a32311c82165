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
import type { ArticleText } from './build-questions.ts';
import { buildCatalogue, type CatalogueBuild } from './catalogue-build.ts';
import { hashOf } from './choices.ts';
import type { Question } from './question.ts';

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

function fingerprintOf(articles: { id: string; title: string; outlet: string | null; contentHash: string }[]): string {
  return hashOf(`engine-${ENGINE_VERSION}`, ...articles.map((a) => `${a.id}:${a.contentHash}:${a.title}:${a.outlet ?? ''}`));
}

/** What the fingerprint is made of; the content hash stands for the body, which the cheap check need not read. */
const FINGERPRINT_FIELDS = { id: true, title: true, outlet: true, contentHash: true } as const;
const ARTICLE_FIELDS = { ...FINGERPRINT_FIELDS, body: true } as const;
const ARTICLE_ORDER = [{ createdAt: 'asc' as const }, { id: 'asc' as const }];

/**
 * Rows written a batch at a time: Prisma prepares a statement on the main
 * thread, and thousands of rows in one would hold up every other request for
 * a large part of a second.
 */
const ROWS_PER_STATEMENT = 200;

async function inChunks<Row, Result>(rows: Row[], write: (rows: Row[]) => Promise<Result[] | { count: number }>): Promise<Result[]> {
  const results: Result[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const written = await write(rows.slice(i, i + ROWS_PER_STATEMENT));
    if (Array.isArray(written)) results.push(...written);
  }
  return results;
}

export interface StoreOptions {
  /**
   * Runs the engine over the articles: on this thread by default; the server
   * passes its engine thread's build (engine-thread.ts) so that players'
   * requests never wait for it.
   */
  build?: (texts: ArticleText[]) => CatalogueBuild | Promise<CatalogueBuild>;
}

export async function storeQuestions(prisma: PrismaClient, options: StoreOptions = {}): Promise<BuildReport> {
  const build = options.build ?? buildCatalogue;
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
      const built = await build(articles.map((a) => ({ key: a.id, title: a.title, outlet: a.outlet, text: a.body })));
      const now = new Date();

      // Analysis: replaced, for every article at once (a few statements, however large the catalogue).
      const keys = built.articles.map((article) => article.key);
      await tx.quote.deleteMany({ where: { articleId: { in: keys } } });
      await tx.articleEntity.deleteMany({ where: { articleId: { in: keys } } });
      const entities = await inChunks(
        built.articles.flatMap((article) =>
          article.entities.map((e, position) => ({
            articleId: article.key,
            kind: e.kind as EntityKind,
            name: e.name,
            aliases: e.aliases,
            titles: e.titles,
            position,
          })),
        ),
        (data) => tx.articleEntity.createManyAndReturn({ data, skipDuplicates: true, select: { id: true, articleId: true, kind: true, name: true } }),
      );
      const entityId = new Map(entities.map((e) => [`${e.articleId}:${e.kind}:${e.name}`, e.id]));
      await inChunks(
        built.articles.flatMap((article) =>
          article.quotes.map((q, position) => ({
            articleId: article.key,
            position,
            text: q.text,
            startOffset: q.start,
            endOffset: q.end,
            kind: q.kind.toUpperCase() as QuoteKind,
            cue: q.cue,
            speakerKind: (q.speaker?.kind ?? null) as SpeakerKind | null,
            speakerName: q.speaker?.name ?? null,
            speakerId: q.speaker && q.speaker.kind !== 'SOURCE' ? (entityId.get(`${article.key}:${q.speaker.kind}:${q.speaker.name}`) ?? null) : null,
            sentenceStart: q.sentence.start,
            sentenceEnd: q.sentence.end,
          })),
        ),
        (data) => tx.quote.createMany({ data }),
      );

      // Questions: new ones added, vanished ones retired, returning ones un-retired.
      const wanted = new Map<string, { question: Question; articleId: string }>();
      for (const { questions } of built.articles) for (const q of questions) wanted.set(storedKey(q, q.evidence.article), { question: q, articleId: q.evidence.article });
      for (const story of built.stories) for (const q of story.questions) wanted.set(storedKey(q, q.evidence.article), { question: q, articleId: q.evidence.article });
      const existing = await tx.question.findMany({ select: { id: true, key: true, retiredAt: true } });
      const existingKeys = new Set(existing.map((q) => q.key));
      const added = await inChunks(
        [...wanted]
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
        (data) => tx.question.createManyAndReturn({ data, select: { id: true, key: true } }),
      );
      const retire = existing.filter((q) => !wanted.has(q.key) && !q.retiredAt).map((q) => q.id);
      const revive = existing.filter((q) => wanted.has(q.key) && q.retiredAt).map((q) => q.id);
      if (retire.length) await tx.question.updateMany({ where: { id: { in: retire } }, data: { retiredAt: now } });
      if (revive.length) await tx.question.updateMany({ where: { id: { in: revive } }, data: { retiredAt: null } });
      const idOf = new Map([...existing, ...added].map((q) => [q.key, q.id]));
      const idsFor = (questions: Question[]) => questions.map((q) => idOf.get(storedKey(q, q.evidence.article))!);

      // Quizzes: one per article, one per story of several articles.
      const quizzes: { slug: string; kind: 'ARTICLE' | 'STORY'; title: string; articleIds: string[]; questionIds: string[] }[] = [];
      const titleOf = new Map(articles.map((a) => [a.id, a.title]));
      const questionsOf = new Map(built.articles.map((a) => [a.key, a.questions]));
      for (const { key, questions } of built.articles) {
        quizzes.push({ slug: `article-${key}`, kind: 'ARTICLE', title: titleOf.get(key)!, articleIds: [key], questionIds: idsFor(questions) });
      }
      for (const story of built.stories) {
        const ids = story.articleKeys;
        const perArticle = ids.map((key) => questionsOf.get(key)!);
        // Story questions first, then the articles' questions taken in turn, for variety.
        const interleaved: Question[] = [...story.questions];
        for (let i = 0; perArticle.some((qs) => i < qs.length); i += 1) for (const qs of perArticle) if (qs[i]) interleaved.push(qs[i]!);
        quizzes.push({ slug: `story-${hashOf(...[...ids].sort()).slice(0, 16)}`, kind: 'STORY', title: `Story: ${titleOf.get(ids[0]!)}`, articleIds: ids, questionIds: idsFor(interleaved) });
      }
      // Written in a few statements, however many quizzes: new ones created, changed titles updated, contents replaced.
      const stored = new Map((await tx.quiz.findMany({ where: { slug: { in: quizzes.map((q) => q.slug) } }, select: { id: true, slug: true, title: true, retiredAt: true } })).map((q) => [q.slug, q]));
      const created = await inChunks(
        quizzes.filter((quiz) => !stored.has(quiz.slug)).map(({ slug, kind, title }) => ({ slug, kind, title })),
        (data) => tx.quiz.createManyAndReturn({ data, select: { id: true, slug: true } }),
      );
      for (const quiz of quizzes) {
        const before = stored.get(quiz.slug);
        if (before && (before.title !== quiz.title || before.retiredAt)) await tx.quiz.update({ where: { id: before.id }, data: { title: quiz.title, retiredAt: null } });
      }
      const quizId = new Map([...[...stored.values()].map((q) => [q.slug, q.id] as const), ...created.map((q) => [q.slug, q.id] as const)]);
      const quizIds = [...quizId.values()];
      await tx.quizArticle.deleteMany({ where: { quizId: { in: quizIds } } });
      await tx.quizQuestion.deleteMany({ where: { quizId: { in: quizIds } } });
      await inChunks(
        quizzes.flatMap((quiz) => quiz.articleIds.map((articleId, position) => ({ quizId: quizId.get(quiz.slug)!, articleId, position }))),
        (data) => tx.quizArticle.createMany({ data }),
      );
      await inChunks(
        quizzes.flatMap((quiz) => [...new Set(quiz.questionIds)].map((questionId, position) => ({ quizId: quizId.get(quiz.slug)!, questionId, position }))),
        (data) => tx.quizQuestion.createMany({ data }),
      );
      await tx.quiz.updateMany({ where: { slug: { notIn: quizzes.map((q) => q.slug) }, retiredAt: null }, data: { retiredAt: now } });
      await tx.questionBuild.create({ data: { fingerprint } });
      return { built: true, articles: articles.length, questions: wanted.size, quizzes: quizzes.length, retiredQuestions: retire.length };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
