// Where students go to join a class session: type the code the teacher shows.
import type { Metadata } from 'next';
import { JoinCodeForm } from './JoinCodeForm';

export const metadata: Metadata = { title: 'Join a class session' };

export default function JoinPage() {
  return (
    <article className="join-page">
      <h1>Join a class session</h1>
      <p className="meta">Type the 6-character code on your teacher’s screen.</p>
      <JoinCodeForm />
    </article>
  );
}
