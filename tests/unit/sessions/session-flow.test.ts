import { describe, expect, it } from 'vitest';
import { advance, allowedActions, FlowError, type FlowPosition, type SessionAction } from '../../../lib/sessions/session-flow.ts';

const settings = { questionCount: 2, showLeaderboard: true };
const run = (actions: SessionAction[], s = settings) =>
  actions.reduce<FlowPosition>((position, action) => advance(position, action, s), { state: 'LOBBY', index: -1 });

describe('the session flow', () => {
  it('goes lobby → open → closed → leaderboard → next → … → finished', () => {
    expect(run(['START'])).toEqual({ state: 'QUESTION_OPEN', index: 0 });
    expect(run(['START', 'CLOSE_QUESTION'])).toEqual({ state: 'QUESTION_CLOSED', index: 0 });
    expect(run(['START', 'CLOSE_QUESTION', 'SHOW_LEADERBOARD'])).toEqual({ state: 'LEADERBOARD', index: 0 });
    expect(run(['START', 'CLOSE_QUESTION', 'SHOW_LEADERBOARD', 'NEXT_QUESTION'])).toEqual({ state: 'QUESTION_OPEN', index: 1 });
    expect(run(['START', 'CLOSE_QUESTION', 'SHOW_LEADERBOARD', 'NEXT_QUESTION', 'CLOSE_QUESTION', 'NEXT_QUESTION'])).toEqual({ state: 'FINISHED', index: 1 });
  });

  it('skips the leaderboard when the settings hide it', () => {
    const hidden = { questionCount: 2, showLeaderboard: false };
    expect(allowedActions({ state: 'QUESTION_CLOSED', index: 0 }, hidden)).toEqual(['NEXT_QUESTION', 'END']);
    expect(() => run(['START', 'CLOSE_QUESTION', 'SHOW_LEADERBOARD'], hidden)).toThrow(FlowError);
  });

  it('can end from any state but the end', () => {
    for (const actions of [[], ['START'], ['START', 'CLOSE_QUESTION'], ['START', 'CLOSE_QUESTION', 'SHOW_LEADERBOARD']] as SessionAction[][]) {
      expect(run([...actions, 'END']).state).toBe('FINISHED');
    }
    expect(allowedActions({ state: 'FINISHED', index: 1 }, settings)).toEqual([]);
  });

  it('refuses moves out of order', () => {
    expect(() => run(['CLOSE_QUESTION'])).toThrow('CLOSE_QUESTION is not possible while the session is LOBBY');
    expect(() => run(['START', 'NEXT_QUESTION'])).toThrow(FlowError);
    expect(() => run(['START', 'START'])).toThrow(FlowError);
    expect(() => run(['END', 'START'])).toThrow(FlowError);
  });

  it('cannot start a session with no questions', () => {
    expect(allowedActions({ state: 'LOBBY', index: -1 }, { questionCount: 0, showLeaderboard: true })).toEqual(['END']);
  });
});
