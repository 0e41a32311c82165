// The outlet that published an article, when its text gives it away:
// a wire dateline ("WASHINGTON (AP) —", "(Reuters) -") or the outlet speaking
// of itself ("The Hill has reached out to the White House").
import type { EntityIndex } from './find-entities.ts';

const DATELINE = /^[A-Z][A-Z .,'’-]{1,60}\((AP|Reuters|AFP|UPI|CNN|Bloomberg)\)\s*[—–-]/m;
const DATELINE_NAMES: Record<string, string> = { AP: 'The Associated Press', Reuters: 'Reuters', AFP: 'Agence France-Presse', UPI: 'United Press International', CNN: 'CNN', Bloomberg: 'Bloomberg' };
const SELF_REFERENCE = /(?:^|\.\s+|\n)((?:The\s+)?[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,3})\s+(?:has\s+)?(?:reached out to|contacted|has asked|asked)\s+[^.]{0,80}?(?:for (?:a\s+)?comment|\.)/g;

export function inferOutlet(text: string, index: EntityIndex): string | null {
  const dateline = DATELINE.exec(text);
  if (dateline) return DATELINE_NAMES[dateline[1]!] ?? dateline[1]!;
  for (const match of text.matchAll(SELF_REFERENCE)) {
    const name = match[1]!;
    const start = match.index! + match[0].indexOf(name);
    const mention = index.mentions.find((m) => m.start === start || (m.start >= start && m.end <= start + name.length));
    const entity = mention && index.byId.get(mention.entityId);
    if (entity?.kind === 'OUTLET') return entity.name;
  }
  return null;
}
