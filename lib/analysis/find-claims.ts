// Claims the article rests on someone else's word: "…, The Associated Press
// reported, citing a U.S. official familiar with the matter." / "…, according
// to two sources familiar with the matter." / "According to court records, …".
import type { AttributedQuote } from './attribute-quotes.ts';
import type { EntityIndex } from './find-entities.ts';
import { SOURCE_NOUNS } from './lexicon.ts';
import type { Span } from './tokenize.ts';

export interface SourcedClaim {
  /** The claim in the article's words, without its attribution. */
  claim: string;
  /** The outlet that reported it, when the sentence names one. */
  outlet: { name: string; entityId: string } | null;
  /** Whom the claim is attributed to or the report cites: a source phrase or a name. */
  source: string | null;
  sentence: Span;
}

const REPORTED = /^(?<claim>[^“”"]{25,}?),\s+(?<outlet>(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z(][\w.&’'()-]*){0,5})\s+(?:has\s+)?report(?:ed|s)\b[^,]*?(?:,\s+citing\s+(?<cited>[^;]+?))?[.!]?$/;
const ACCORDING_AFTER = /^(?<claim>[^“”"]{25,}?),\s+according\s+to\s+(?<source>[^,;]+?)(?:,[^,]*)?[.!]?$/;
const ACCORDING_BEFORE = /^According\s+to\s+(?<source>[^,;]+),\s+(?<claim>[^“”"]{25,}?)[.!]?$/;

/** A source phrase worth asking about: a named entity, or a noun phrase about a source. */
function isSource(phrase: string, index: EntityIndex, start: number): boolean {
  const words = phrase.toLowerCase().split(/\s+/);
  if (words.some((w) => SOURCE_NOUNS.has(w.replace(/[^a-z]/g, '')))) return true;
  return index.mentions.some((m) => m.start >= start && m.end <= start + phrase.length);
}

function tidyClaim(claim: string): string {
  return claim.replace(/\s+/g, ' ').trim();
}

export function findClaims(text: string, sentences: Span[], index: EntityIndex, quotes: AttributedQuote[]): SourcedClaim[] {
  const claims: SourcedClaim[] = [];
  for (const sentence of sentences) {
    if (quotes.some((q) => q.outerStart >= sentence.start && q.outerStart < sentence.end)) continue;
    const raw = text.slice(sentence.start, sentence.end);
    const reported = REPORTED.exec(raw);
    if (reported?.groups) {
      const outletStart = sentence.start + raw.indexOf(reported.groups.outlet!, reported.groups.claim!.length);
      const mention = index.mentions.find((m) => m.start >= outletStart && m.start < outletStart + reported.groups!.outlet!.length);
      const entity = mention && index.byId.get(mention.entityId);
      if (entity?.kind === 'OUTLET') {
        const cited = reported.groups.cited?.trim() ?? null;
        const citedStart = cited ? sentence.start + raw.lastIndexOf(cited) : 0;
        claims.push({
          claim: tidyClaim(reported.groups.claim!),
          outlet: { name: entity.name, entityId: entity.id },
          source: cited && isSource(cited, index, citedStart) ? cited : null,
          sentence,
        });
        continue;
      }
    }
    const according = ACCORDING_AFTER.exec(raw) ?? ACCORDING_BEFORE.exec(raw);
    if (according?.groups) {
      const source = according.groups.source!.trim();
      const sourceStart = sentence.start + raw.indexOf(source);
      if (isSource(source, index, sourceStart)) {
        claims.push({ claim: tidyClaim(according.groups.claim!), outlet: null, source, sentence });
      }
    }
  }
  return claims;
}
