'use client';
// GraphiQL needs the browser (Monaco editors, web workers): load it there only.
import dynamic from 'next/dynamic';

const PlaygroundEditor = dynamic(() => import('./PlaygroundEditor'), {
  ssr: false,
  loading: () => <p className="loading">Loading the playground…</p>,
});

export function PlaygroundLoader() {
  return <PlaygroundEditor />;
}
