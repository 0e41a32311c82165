// One test per attribution pattern news prose uses. Every article here is our
// own, written for these tests.
import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../lib/analysis/analyse-article.ts';

function speakers(text: string): [string, string | null][] {
  return analyseArticle(text).quotes.map((q) => [q.text, q.speaker?.name ?? null]);
}

function speakerOf(text: string, quote: string): string | null | undefined {
  const found = analyseArticle(text).quotes.find((q) => q.text === quote);
  return found === undefined ? undefined : (found.speaker?.name ?? null);
}

describe('attribution patterns', () => {
  it('“…,” X said', () => {
    const text = 'Mayor Linda Okafor opened the bridge on Monday.\n“This took far too long,” Okafor said.';
    expect(speakerOf(text, 'This took far too long,')).toBe('Linda Okafor');
  });

  it('“…,” said X, a spokeswoman for Y', () => {
    const text = 'The company cut its forecast.\n“We expect a difficult year,” said Carmen Vidal, a spokeswoman for Arbolit Industries.';
    expect(speakerOf(text, 'We expect a difficult year,')).toBe('Carmen Vidal');
  });

  it('X said, “…” and X said: “…”', () => {
    const text = 'Coach Ron Baptiste said, “We were not good enough.” Captain Ada Fenn said: “We will be back next week.”';
    expect(speakers(text)).toEqual([
      ['We were not good enough.', 'Ron Baptiste'],
      ['We will be back next week.', 'Ada Fenn'],
    ]);
  });

  it('X told Y, with the cue naming whom', () => {
    const text = '“We’re not involved in it,” Senator Paul Adeyemi told ABC News on Sunday.';
    const [quote] = analyseArticle(text).quotes;
    expect(quote!.speaker?.name).toBe('Paul Adeyemi');
    expect(quote!.cue).toBe('told ABC News');
  });

  it('according to X', () => {
    const text = 'The talks collapsed late on Friday. The offer was “final and complete,” according to Deputy Minister Olek Varga.';
    expect(speakerOf(text, 'final and complete,')).toBe('Olek Varga');
  });

  it('X added: “…”', () => {
    const text = 'Dr. Mina Toure led the study. She said the results were clear. Toure added: “We need a larger trial before anyone changes practice.”';
    expect(speakerOf(text, 'We need a larger trial before anyone changes practice.')).toBe('Mina Toure');
  });

  it('a pronoun refers back to the right person, by gender', () => {
    const text = [
      'Council member Susan Pereira proposed the budget, and Treasurer Mark Delacroix opposed it.',
      '“The numbers do not add up,” he said.',
      '“They add up if we stop wasting money,” she said.',
    ].join('\n');
    expect(speakers(text)).toEqual([
      ['The numbers do not add up,', 'Mark Delacroix'],
      ['They add up if we stop wasting money,', 'Susan Pereira'],
    ]);
  });

  it('a quotation over several paragraphs keeps its speaker, wherever the attribution stands', () => {
    const text = [
      'Harbour master Ines Baptista described the night of the storm.',
      '“The first wave came over the wall at two in the morning. Nobody expected it to be that high.',
      '“By four, the boats were loose and we could do nothing but watch,” Baptista said.',
    ].join('\n');
    expect(speakers(text).map(([, s]) => s)).toEqual(['Ines Baptista', 'Ines Baptista']);
  });

  it('a follow-on quotation in the same paragraph belongs to the same speaker', () => {
    const text = '“We have the votes,” Speaker Tomas Quill told reporters. “We will pass it tonight.”';
    expect(speakerOf(text, 'We will pass it tonight.')).toBe('Tomas Quill');
  });

  it('scare quotes: labelled by the subject, or by no one', () => {
    const text = 'Prime Minister Sabine Roux dismissed the reports, calling them “fake.” Critics of the so-called “reform” plan marched on Sunday.';
    const quotes = analyseArticle(text).quotes;
    expect(quotes.map((q) => [q.text, q.kind, q.speaker?.name ?? null])).toEqual([
      ['fake.', 'scare', 'Sabine Roux'],
      ['reform', 'scare', null],
    ]);
  });

  it('a name inside a quotation is not its speaker', () => {
    const text = 'Governor Alan Price faces a recall.\n“Price has no idea what he is doing,” said state Senator Rosa Kim.';
    expect(speakerOf(text, 'Price has no idea what he is doing,')).toBe('Rosa Kim');
  });

  it('anonymous sources are kept as the phrase the article uses', () => {
    const text = '“Both sides are exhausted,” a senior diplomat who attended the talks told Reuters.';
    expect(speakerOf(text, 'Both sides are exhausted,')).toBe('a senior diplomat');
  });

  it('a possessive is not the speaker: “Trump’s spokeswoman said”', () => {
    const text = 'President Maria Lund met the envoy. “No agreement was reached,” Lund’s spokeswoman said.';
    expect(speakerOf(text, 'No agreement was reached,')).not.toBe('Maria Lund');
  });

  it('a headline quotation repeated in the body gets the body’s speaker', () => {
    const text = '‘The river came up in minutes’: floods hit Corrow Valley\nResident Dora Pike was rescued at dawn. “The river came up in minutes,” Pike said.';
    expect(speakers(text)).toEqual([
      ['The river came up in minutes', 'Dora Pike'],
      ['The river came up in minutes,', 'Dora Pike'],
    ]);
  });

  it('straight quotes work like curly ones', () => {
    const text = 'Chief Executive Rafael Ortiz spoke at the launch. "We built this for travellers," Ortiz said.';
    expect(speakerOf(text, 'We built this for travellers,')).toBe('Rafael Ortiz');
  });

  it('a surname alone is completed by the full name, and a title is not part of the name', () => {
    const text = 'Senate Majority Leader Margaret Harwell refused to schedule a vote.\n“It is not happening this week,” Harwell told reporters.';
    expect(speakerOf(text, 'It is not happening this week,')).toBe('Margaret Harwell');
  });

  it('leaves the speaker unknown when the text does not say', () => {
    const text = 'The plan drew a crowd. “Nobody asked us,” one sign read. Others just watched.';
    expect(speakerOf(text, 'Nobody asked us,')).toBeNull();
  });
});

describe('news page furniture', () => {
  it('reads no names from bylines and credit lines', () => {
    const text = [
      'Port reopens after strike ends',
      'By Helena Marsh and Tom Okoye',
      'The port reopened on Monday. “We are back to full speed,” said harbour master Ruth Adler.',
      'Reporting by Helena Marsh; Editing by Tom Okoye',
    ].join('\n');
    const people = analyseArticle(text).entities.filter((e) => e.kind === 'PERSON').map((e) => e.name);
    expect(people).toEqual(['Ruth Adler']);
  });

  it('a quotation split by its attribution keeps one speaker', () => {
    const text = '“We tried everything,” said fire chief Omar Haddad, “but the wind turned on us.”';
    expect(speakers(text)).toEqual([
      ['We tried everything,', 'Omar Haddad'],
      ['but the wind turned on us.', 'Omar Haddad'],
    ]);
  });
});

describe('attributions that must not go to the person named', () => {
  it('a spokesman for X, a source close to X, a friend of X: the source, not X', () => {
    const text = [
      'Senator Richard Vance faces an ethics inquiry.',
      '“We deny these allegations in full,” said a spokesman for Vance.',
      '“He is not up to the job,” a source close to Vance said.',
      '“This has been a hard month,” a friend of Vance said.',
    ].join('\n');
    expect(speakers(text).map(([, s]) => s)).toEqual(['a spokesman for Vance', 'a source close to Vance', 'a friend of Vance']);
  });

  it('“quoted X as saying” and “recalled X telling him”: X said it', () => {
    const text = [
      'Governor Frank Osei quoted a former aide, Jenna Kirk, as saying: “The mission is a photo opportunity.”',
      'Trade envoy Luis Navarro recalled Minister Paula Reyes telling him: “Get the best deal you can.”',
    ].join('\n');
    expect(speakers(text).map(([, s]) => s)).toEqual(['Jenna Kirk', 'Paula Reyes']);
  });

  it('“the president” is not the vice president', () => {
    const text = 'Vice President Karen Holloway met the delegation.\n“We need to be at the table,” the president said.';
    expect(speakers(text)).toEqual([['We need to be at the table,', null]]);
    const clear = 'President Maria Lund met Vice President Karen Holloway.\n“We need to be at the table,” the president said.';
    expect(speakers(clear)).toEqual([['We need to be at the table,', 'Maria Lund']]);
  });

  it('a pronoun after “X’s deputy, Y, said he …” is Y, not X', () => {
    const text = 'Health Secretary Daniel Price was abroad. Speaking to Sky News, Price’s deputy, junior minister Omar Haddad, said he hoped talks would resume.\n“Nobody wants a strike,” he said.';
    expect(speakers(text)).toEqual([['Nobody wants a strike,', 'Omar Haddad']]);
  });

  it('a pronoun after a sentence whose subject is a role is that role’s holder', () => {
    const text = 'President Emile Macron hosted Chancellor Friedrich Weber on Monday. Weber pressed for a ceasefire.\nThe president, however, was unmoved. “Our patience has limits,” he said.';
    expect(speakers(text)).toEqual([['Our patience has limits,', 'Emile Macron']]);
  });

  it('a pronoun after an ambiguous surname gets no speaker', () => {
    const text = 'Susan Marsh and Alan Marsh ran the firm for 30 years with Peter Grant.\nMarsh, 58, said the collapse was sudden. She added: “I take full responsibility.”';
    expect(speakers(text)).toEqual([['I take full responsibility.', null]]);
  });

  it('two people are no single speaker', () => {
    const text = '“We are delighted with the result,” said Anna Berg and Tom Hale, who co-founded the studio.';
    expect(speakers(text)).toEqual([['We are delighted with the result,', null]]);
  });

  it('a quotation standing alone before “Those were the words of …” is not the previous speaker’s', () => {
    const text = [
      '“The plan is sound,” said Mayor Paul Ibsen.',
      '“We were never consulted.”',
      'Those were the words of Diane Fortier, who owns a bakery on the square.',
    ].join('\n');
    expect(speakers(text).map(([, s]) => s)).toEqual(['Paul Ibsen', null]);
  });
});

describe('wire-copy conventions', () => {
  it('a headline “Name: ‘quote’” names the speaker before the colon', () => {
    const text = 'Okafor: ‘The bridge will open in May’\nMayor Linda Okafor spoke to reporters on Monday.';
    expect(speakers(text)).toEqual([['The bridge will open in May', 'Linda Okafor']]);
  });

  it('party and state after a name do not hide it: “Sen. Mitch Barrow, R-Ky., said …”', () => {
    const text = 'Sen. Mitch Barrow, R-Ky., said the bill was “dead on arrival.”';
    expect(speakers(text)).toEqual([['dead on arrival.', 'Mitch Barrow']]);
  });

  it('names with letters outside ASCII and hyphens stay whole', () => {
    const text = '“The door remains open,” said Tomasz Zieliński, a spokesman for the European Commission. Senator Marisol Trujillo-Baca agreed. “We can wait,” Trujillo-Baca said.';
    expect(speakers(text).map(([, s]) => s)).toEqual(['Tomasz Zieliński', 'Marisol Trujillo-Baca']);
  });
});
