// Importing an article by API, for teachers: the same text format and rules
// as a seed file (lib/articles/parse-article-file.ts), stored under a key made
// from its content so the same text imports once, then analysed and turned
// into a quiz like every other article. The text is data only: nothing in it
// is executed, fetched or rendered as markup; a `url` is stored as a link.
//
// Who may import: a teacher holding the host token of any session they
// created, or whoever holds the server's admin token (ADMIN_TOKEN).
import crypto from 'node:crypto';
import { stringify as stringifyYaml } from 'yaml';
import type { PrismaClient } from '../db/prisma.ts';
import { DomainError } from '../domain-error.ts';
import { hashPlayerToken as hashSecretToken } from '../games/player-token.ts';
import { storeQuestions } from '../questions/store-questions.ts';
import { ANALYSIS_BUDGET_MS, openEngineThread, type EngineThread } from '../questions/engine-thread.ts';
import { ArticleFileError, MAX_ARTICLE_CHARS, parseArticleFile, type ParsedArticle } from './parse-article-file.ts';
import { saveParsedArticle } from './save-article-file.ts';

export interface ImportInput {
  text: string;
  title?: string | null;
  outlet?: string | null;
  url?: string | null;
  publishedAt?: Date | null;
  hostToken?: string | null;
  adminToken?: string | null;
}

/** The key imported articles are stored under (in place of a seed file's path). */
const IMPORT_KEY_PREFIX = 'imported:';

/** Compared as hashes, so the time taken says nothing about the secret. */
function sameSecret(given: string, expected: string): boolean {
  return crypto.timingSafeEqual(Buffer.from(hashSecretToken(given)), Buffer.from(hashSecretToken(expected)));
}

async function assertMayImport(prisma: PrismaClient, input: Pick<ImportInput, 'hostToken' | 'adminToken'>, serverAdminToken: string | undefined): Promise<void> {
  if (input.adminToken) {
    if (!serverAdminToken) throw new DomainError('FORBIDDEN', 'This server has no admin token; import with a host token instead');
    if (!sameSecret(input.adminToken, serverAdminToken)) throw new DomainError('FORBIDDEN', 'The admin token is not valid');
    return;
  }
  if (input.hostToken) {
    const session = await prisma.classSession.findUnique({ where: { hostTokenHash: hashSecretToken(input.hostToken) }, select: { id: true } });
    if (!session) throw new DomainError('FORBIDDEN', 'The host token does not belong to any session');
    return;
  }
  throw new DomainError('FORBIDDEN', 'Importing an article needs a host token (from createSession) or the admin token');
}

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** The article as a seed-format file: the arguments become its front matter. */
function asArticleFile(input: ImportInput): string {
  if (input.text.length > MAX_ARTICLE_CHARS) {
    throw new DomainError('BAD_USER_INPUT', `text is ${input.text.length.toLocaleString('en-US')} characters long; the limit is ${MAX_ARTICLE_CHARS.toLocaleString('en-US')}`);
  }
  const meta: Record<string, string> = {};
  for (const key of ['title', 'outlet', 'url'] as const) {
    const value = input[key];
    if (value === null || value === undefined) continue;
    if (CONTROL_CHARACTERS.test(value)) throw new DomainError('BAD_USER_INPUT', `${key} must be one line of text`);
    meta[key] = value;
  }
  if (input.publishedAt) meta.published = input.publishedAt.toISOString();
  if (Object.keys(meta).length === 0) return input.text;
  if (/^(?:\uFEFF)?---[ \t]*\r?\n/.test(input.text)) {
    throw new DomainError('BAD_USER_INPUT', 'The text has its own front matter; give title, outlet, url and publishedAt there or as arguments, not both');
  }
  // The YAML library quotes whatever needs quoting, so a value cannot break out of its line.
  return `---\n${stringifyYaml(meta)}---\n${input.text}`;
}

export interface ImportResult {
  articleId: string;
  created: boolean;
  quizId: string | null;
  questionCount: number;
}

export async function importArticle(prisma: PrismaClient, input: ImportInput, serverAdminToken: string | undefined): Promise<ImportResult> {
  await assertMayImport(prisma, input, serverAdminToken);
  const file = asArticleFile(input);
  let parsed: ParsedArticle;
  try {
    parsed = parseArticleFile(file);
  } catch (error) {
    if (error instanceof ArticleFileError) throw new DomainError('BAD_USER_INPUT', `The article cannot be imported: ${error.message}`);
    throw error;
  }
  const sourceFile = `${IMPORT_KEY_PREFIX}${parsed.contentHash.slice(0, 32)}`;
  // The engine runs on a thread of its own, started only when there is work for it:
  // a new text is tried there under a budget, then the catalogue is built there.
  let engine: EngineThread | undefined;
  const engineThread = async () => (engine ??= await openEngineThread());
  let saved: Awaited<ReturnType<typeof saveParsedArticle>>;
  try {
    const known = await prisma.article.findUnique({ where: { sourceFile } });
    if (!known && !(await (await engineThread()).analysableWithin(parsed.body))) {
      throw new DomainError('BAD_USER_INPUT', `The article cannot be imported: the question engine could not read it within ${ANALYSIS_BUDGET_MS} ms (real articles take a few milliseconds)`);
    }
    saved = await saveParsedArticle(prisma, sourceFile, parsed, known);
    await storeQuestions(prisma, { build: async (texts) => (await engineThread()).build(texts) });
  } finally {
    await engine?.close();
  }
  const [quiz, questionCount] = await Promise.all([
    prisma.quiz.findFirst({ where: { slug: `article-${saved.id}`, retiredAt: null }, select: { id: true } }),
    prisma.question.count({ where: { articleId: saved.id, retiredAt: null } }),
  ]);
  return { articleId: saved.id, created: saved.outcome === 'created', quizId: quiz?.id ?? null, questionCount };
}
