// npm run db:seed — migrates, loads every article file in seeds/, then builds
// the questions and quizzes.
// Exits non-zero when a file could not be loaded (the others still are).
import { migrate } from '../lib/db/migrate.ts';
import { createPrismaClient } from '../lib/db/prisma.ts';
import { MIGRATIONS_DIR, SEEDS_DIR } from '../lib/paths.ts';
import { loadSeeds } from '../seeds/load-seeds.ts';
import { storeQuestions } from '../lib/questions/store-questions.ts';
import { withDatabase } from './with-database.ts';

await withDatabase(async (database) => {
  await migrate(database.url, MIGRATIONS_DIR, (line) => console.log(line));
  const prisma = createPrismaClient(database.url);
  try {
    const report = await loadSeeds(prisma, SEEDS_DIR);
    for (const file of report.created) console.log(`added     seeds/${file}`);
    for (const file of report.updated) console.log(`updated   seeds/${file}`);
    for (const file of report.unchanged) console.log(`unchanged seeds/${file}`);
    for (const { file, error } of report.failed) console.error(`error: seeds/${file}: ${error}`);
    const questions = await storeQuestions(prisma);
    console.log(questions.built ? `questions: ${questions.questions} in ${questions.quizzes} quizzes (${questions.retiredQuestions} retired)` : 'questions: up to date');
    return report.failed.length ? 1 : 0;
  } finally {
    await prisma.$disconnect();
  }
});
