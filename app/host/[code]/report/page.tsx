// The teacher's report of a session, opened with the host token this browser keeps.
import type { Metadata } from 'next';
import { SessionReport } from './SessionReport';

export const metadata: Metadata = { title: 'Session report' };

export default async function ReportPage({ params }: { params: Promise<{ code: string }> }) {
  return <SessionReport code={(await params).code.toUpperCase()} />;
}
