import { describe, expect, it } from 'vitest';
import { scoreAnswer, LATE_GRACE_MS } from '../../lib/games/scoring.ts';

const speed = (responseMs: number, streakBefore = 0, correct = true) =>
  scoreAnswer({ mode: 'SPEED', correct, responseMs, timeLimitMs: 20_000, streakBefore });

describe('SPEED scoring', () => {
  it('gives round(1000 × (1 − (t/T)/2)) for a correct answer', () => {
    expect(speed(0).points).toBe(1000);
    expect(speed(10_000).points).toBe(750);
    expect(speed(20_000).points).toBe(500);
    expect(speed(3_333).points).toBe(Math.round(1000 * (1 - 3_333 / 20_000 / 2)));
  });

  it('adds 100 per correct answer in a row after the first, capped at 500', () => {
    expect(speed(0, 0)).toEqual({ points: 1000, streak: 1, late: false });
    expect(speed(0, 1)).toEqual({ points: 1100, streak: 2, late: false });
    expect(speed(0, 4)).toEqual({ points: 1400, streak: 5, late: false });
    expect(speed(0, 5)).toEqual({ points: 1500, streak: 6, late: false });
    expect(speed(0, 12)).toEqual({ points: 1500, streak: 13, late: false });
  });

  it('gives nothing for a wrong answer and ends the streak', () => {
    expect(speed(1_000, 3, false)).toEqual({ points: 0, streak: 0, late: false });
  });

  it('gives nothing for a late answer, beyond a small network allowance', () => {
    expect(speed(20_000 + LATE_GRACE_MS).points).toBe(500);
    expect(speed(20_000 + LATE_GRACE_MS + 1, 2)).toEqual({ points: 0, streak: 0, late: true });
  });
});

describe('ACCURACY scoring', () => {
  it('gives a flat 1000 per correct answer, whatever the time, and no streak bonus', () => {
    const answer = (responseMs: number, streakBefore: number, correct = true) =>
      scoreAnswer({ mode: 'ACCURACY', correct, responseMs, timeLimitMs: 600_000, streakBefore });
    expect(answer(1_000, 0)).toEqual({ points: 1000, streak: 1, late: false });
    expect(answer(500_000, 7)).toEqual({ points: 1000, streak: 8, late: false });
    expect(answer(2_000, 7, false)).toEqual({ points: 0, streak: 0, late: false });
  });
});
