'use client';
// Seconds left on an open session question, from the server's remaining time
// when the view arrived: a bar and the number, large on a projector.
import { useEffect, useState } from 'react';

export function Countdown({ remainingMs, limitMs, receivedAt, onExpire }: { remainingMs: number; limitMs: number; receivedAt: number; onExpire?: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, []);
  const left = Math.max(0, remainingMs - (now - receivedAt));
  const expired = left === 0;
  useEffect(() => {
    if (expired) onExpire?.();
  }, [expired]); // eslint-disable-line react-hooks/exhaustive-deps
  const seconds = Math.ceil(left / 1000);
  const fraction = limitMs ? left / limitMs : 0;
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
