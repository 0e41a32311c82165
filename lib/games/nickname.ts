// Nicknames shown on public leaderboards: trimmed, 1–20 characters, printable,
// and not obscene (checked with `obscenity`, a maintained word filter that
// also catches l33t spellings).
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { DomainError } from '../domain-error.ts';

export const NICKNAME_MAX = 20;

const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

export function validNickname(raw: string): string {
  const nickname = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!nickname) throw new DomainError('BAD_USER_INPUT', 'Nickname must not be empty');
  if ([...nickname].length > NICKNAME_MAX) throw new DomainError('BAD_USER_INPUT', `Nickname must be at most ${NICKNAME_MAX} characters`);
  if (/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u.test(nickname)) throw new DomainError('BAD_USER_INPUT', 'Nickname may only contain letters, digits, spaces and punctuation');
  if (matcher.hasMatch(nickname)) throw new DomainError('BAD_USER_INPUT', 'Please choose another nickname');
  return nickname;
}
