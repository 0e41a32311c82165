// A session's settings, as the teacher chooses them, with their defaults and limits.
import { z } from 'zod';
import { QUESTION_TYPES } from '../questions/question.ts';

export const MAX_PLAYERS_CAP = 500;

export const sessionSettingsSchema = z
  .object({
    timeLimitSeconds: z.number().int('must be a whole number of seconds').min(5, 'must be at least 5 seconds').max(300, 'must be at most 300 seconds').default(30),
    mode: z.enum(['SPEED', 'ACCURACY']).default('SPEED'),
    questionCount: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100').nullish(),
    questionTypes: z.array(z.enum(QUESTION_TYPES)).min(1, 'must name at least one type').nullish(),
    showLeaderboard: z.boolean().default(true),
    maxPlayers: z.number().int().min(1, 'must be at least 1').max(MAX_PLAYERS_CAP, `must be at most ${MAX_PLAYERS_CAP}`).default(100),
  })
  .default({ timeLimitSeconds: 30, mode: 'SPEED', showLeaderboard: true, maxPlayers: 100 });

export type SessionSettings = z.infer<typeof sessionSettingsSchema>;
