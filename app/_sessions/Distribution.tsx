// How the class answered one question: a bar per choice, the right one marked
// by a tick and a label as well as colour; counts and percentages in text.
export interface DistributionProps {
  distribution: { choice: { id: string; text: string }; count: number }[];
  correctChoiceId: string;
  /** The viewer's own pick, marked on a student's screen. */
  pickedChoiceId?: string | null;
}

export function Distribution({ distribution, correctChoiceId, pickedChoiceId }: DistributionProps) {
  const total = distribution.reduce((sum, d) => sum + d.count, 0);
  const most = Math.max(1, ...distribution.map((d) => d.count));
  return (
    <ol className="distribution" aria-label="How the class answered">
      {distribution.map(({ choice, count }) => {
        const right = choice.id === correctChoiceId;
        const percent = total ? Math.round((count / total) * 100) : 0;
        return (
          <li key={choice.id} className={right ? 'right' : ''}>
            <span className="distribution-label">
              {right && <span className="tag right">✓ Correct</span>} {choice.text}
              {pickedChoiceId === choice.id && <span className="tag"> Your answer</span>}
            </span>
            <span className="distribution-bar" aria-hidden="true">
              <span style={{ width: `${(count / most) * 100}%` }} />
            </span>
            <span className="distribution-count">
              {count} <span className="muted">({percent}%)</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
