// The host's screen for a session, meant for a projector: lobby, questions,
// reveals, leaderboard and podium, following the session live.
import type { Metadata } from 'next';
import { HostScreen } from './HostScreen';

export const metadata: Metadata = { title: 'Hosting a class session' };

export default async function HostPage({ params }: { params: Promise<{ code: string }> }) {
  return <HostScreen code={(await params).code.toUpperCase()} />;
}
