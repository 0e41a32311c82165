'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

export function JoinCodeForm() {
  const router = useRouter();
  const [code, setCode] = useState('');
  const clean = code.replace(/[^a-z0-9]/gi, '').toUpperCase();
  return (
    <form
      className="setup join-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (clean.length === 6) router.push(`/join/${clean}`);
      }}
    >
      <label htmlFor="join-code">Code</label>
      <input
        id="join-code"
        className="code-input"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        maxLength={8}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        inputMode="text"
        required
        aria-describedby="join-code-hint"
      />
      <p id="join-code-hint" className="note">
        Letters and digits, for example ACD347.
      </p>
      <button className="button primary big" type="submit" disabled={clean.length !== 6}>
        Next
      </button>
    </form>
  );
}
