// The paragraph of the article that holds the evidence, with the evidence
// sentence marked — the "why" after every answer. Works on the server and in
// the browser (no hooks).

export interface EvidenceProps {
  sentence: string;
  start: number;
  end: number;
  article: { id: string; title: string; outlet?: string | null; body: string };
}

/** The paragraph (line) around [start, end) of the body. */
function paragraphAround(body: string, start: number, end: number) {
  const from = body.lastIndexOf('\n', start - 1) + 1;
  const next = body.indexOf('\n', end);
  const to = next === -1 ? body.length : next;
  return { before: body.slice(from, start), marked: body.slice(start, end), after: body.slice(end, to) };
}

export function EvidenceExcerpt({ evidence }: { evidence: EvidenceProps }) {
  const { before, marked, after } = paragraphAround(evidence.article.body, evidence.start, evidence.end);
  return (
    <figure className="evidence">
      <figcaption>
        Evidence from <a href={`/articles/${evidence.article.id}`}>{evidence.article.title}</a>
        {evidence.article.outlet ? ` (${evidence.article.outlet})` : ''}
      </figcaption>
      <blockquote>
        <p>
          {before}
          <mark>{marked}</mark>
          {after}
        </p>
      </blockquote>
    </figure>
  );
}
