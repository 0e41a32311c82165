// Stored questions by id, kept in memory by each process. A question's prompt,
// choices, key and evidence never change once stored (an edited article
// retires it and adds new ones; only `retiredAt` is ever set, and the answer
// paths do not read it), so a copy cannot go stale for them; they read the
// same few questions hundreds of times a second, from here.
import type { PrismaClient } from '../db/prisma.ts';
import type { Question } from '../db/generated/client.ts';

const cache = new Map<string, Question>();
const CACHE_SIZE = 2_000;

export async function storedQuestion(prisma: Pick<PrismaClient, 'question'>, id: string): Promise<Question | null> {
  const cached = cache.get(id);
  if (cached) return cached;
  const question = await prisma.question.findUnique({ where: { id } });
  if (question) {
    // Oldest first out: a Map iterates in insertion order.
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(id, question);
  }
  return question;
}
