// A student's phone in a session: pick a nickname, then wait, answer, see
// how it went and where they stand. The code comes from the URL (or the QR code).
import type { Metadata } from 'next';
import { StudentScreen } from './StudentScreen';

export const metadata: Metadata = { title: 'Class session' };

export default async function JoinCodePage({ params }: { params: Promise<{ code: string }> }) {
  return <StudentScreen code={(await params).code.toUpperCase()} />;
}
