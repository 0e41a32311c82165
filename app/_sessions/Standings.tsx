// The session's leaderboard between questions, and the podium at the end.
export interface Standing {
  id: string;
  nickname: string;
  score: number;
  rank: number;
  correctCount?: number;
}

export function Standings({ players, highlightId }: { players: Standing[]; highlightId?: string | null }) {
  if (!players.length) return <p className="empty">No students yet.</p>;
  return (
    <ol className="standings" aria-label="Leaderboard">
      {players.map((p) => (
        <li key={p.id} className={p.id === highlightId ? 'me' : ''}>
          <span className="standing-rank">{p.rank}</span>
          <span className="standing-name">{p.nickname}</span>
          <span className="standing-score">{p.score.toLocaleString('en-US')}</span>
        </li>
      ))}
    </ol>
  );
}

const PLACES = ['1st', '2nd', '3rd'];

export function Podium({ players }: { players: Standing[] }) {
  const top = players.slice(0, 3);
  // Second, first, third: the winner in the middle, highest.
  const order = [top[1], top[0], top[2]].filter((p): p is Standing => Boolean(p));
  return (
    <div className="podium" role="list" aria-label="Podium">
      {order.map((p) => (
        <div key={p.id} role="listitem" className={`podium-place place-${p.rank}`} aria-label={`${PLACES[p.rank - 1]}: ${p.nickname}, ${p.score} points`}>
          <span className="podium-name">{p.nickname}</span>
          <span className="podium-score">{p.score.toLocaleString('en-US')}</span>
          <span className="podium-step" aria-hidden="true">
            {p.rank}
          </span>
        </div>
      ))}
    </div>
  );
}
