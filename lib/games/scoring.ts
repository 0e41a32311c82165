// The scoring rules, decided on the server only. One pure module: the game
// service calls it, the pages show RULES_TEXT, and tests pin every case.

export type ScoringMode = 'SPEED' | 'ACCURACY';

export const POINTS_FOR_CORRECT = 1000;
export const STREAK_BONUS = 100;
export const STREAK_BONUS_CAP = 500;
/** Seconds a player has per question in SPEED mode. */
export const SPEED_TIME_LIMIT_SECONDS = 30;
/** ACCURACY mode has no timer pressure; this only ends a question nobody answers for 10 minutes. */
export const ACCURACY_TIME_LIMIT_SECONDS = 600;
/** Network allowance: an answer this much after the limit still counts as in time. */
export const LATE_GRACE_MS = 750;

export const RULES_TEXT: Record<ScoringMode, string> = {
  SPEED:
    'Speed: a correct answer earns up to 1,000 points — the faster, the more (half at the buzzer). Each correct answer in a row after the first adds a 100-point streak bonus, up to 500. A wrong or late answer earns nothing and ends the streak.',
  ACCURACY:
    'Accuracy: every correct answer earns 1,000 points, however long you take to read. A wrong answer earns nothing.',
};

export function timeLimitSeconds(mode: ScoringMode): number {
  return mode === 'SPEED' ? SPEED_TIME_LIMIT_SECONDS : ACCURACY_TIME_LIMIT_SECONDS;
}

export interface AnswerScore {
  points: number;
  /** Correct answers in a row, this one included. */
  streak: number;
  late: boolean;
}

/**
 * Points for one answer. `responseMs` is measured by the server: from the
 * moment the question was sent to the player until the answer arrived.
 */
export function scoreAnswer(input: { mode: ScoringMode; correct: boolean; responseMs: number; timeLimitMs: number; streakBefore: number }): AnswerScore {
  const late = input.responseMs > input.timeLimitMs + LATE_GRACE_MS;
  if (!input.correct || late) return { points: 0, streak: 0, late };
  const streak = input.streakBefore + 1;
  if (input.mode === 'ACCURACY') return { points: POINTS_FOR_CORRECT, streak, late: false };
  const t = Math.min(Math.max(input.responseMs, 0), input.timeLimitMs);
  const base = Math.round(POINTS_FOR_CORRECT * (1 - t / input.timeLimitMs / 2));
  const bonus = Math.min(STREAK_BONUS * (streak - 1), STREAK_BONUS_CAP);
  return { points: base + bonus, streak, late: false };
}
