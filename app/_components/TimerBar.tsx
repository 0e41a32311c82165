'use client';
// The time left for a question: a bar that empties, and the seconds as text
// (so the information is not in colour or motion alone).
import { useEffect, useState } from 'react';

export function TimerBar({ deadline, limitMs, onExpire }: { deadline: number; limitMs: number; onExpire: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, []);
  const left = Math.max(0, deadline - now);
  useEffect(() => {
    if (left === 0) onExpire();
  }, [left === 0]); // eslint-disable-line react-hooks/exhaustive-deps
  const fraction = limitMs ? left / limitMs : 0;
  const seconds = Math.ceil(left / 1000);
  return (
    <div className="timer">
      <div className="timer-track" aria-hidden="true">
        <div className={`timer-fill${fraction < 0.25 ? ' low' : ''}`} style={{ width: `${fraction * 100}%` }} />
      </div>
      <p className="timer-text" role="timer" aria-label={`${seconds} seconds left`}>
        {seconds} s
      </p>
    </div>
  );
}
