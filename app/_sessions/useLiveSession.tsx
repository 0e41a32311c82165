'use client';
// A session as one screen sees it, kept current: the live feed (subscription)
// first, the same view polled over HTTP while the WebSocket is down or the
// feed failed, and whatever a move of this screen returns (`take`). The view
// with the highest version wins; `receivedAt` anchors the timer.
import { useQuery, useSubscription } from '@apollo/client/react';
import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { useEffect, useState } from 'react';
import { useLiveConnected } from '../_apollo/live-connection';

export interface LiveView<T> {
  session: T;
  /** When this view arrived (Date.now()), to count its `timeRemainingMs` down from. */
  receivedAt: number;
}

export function useLiveSession<T extends { version: number }, V extends OperationVariables>(
  subscription: TypedDocumentNode<{ sessionUpdated: T }, V>,
  query: TypedDocumentNode<{ session?: T | null }, V>,
  variables: V,
) {
  const { data, error } = useSubscription(subscription, { variables });
  const [view, setView] = useState<LiveView<T> | null>(null);
  const take = (session: T | null | undefined) => {
    if (!session) return;
    setView((current) => (current && current.session.version > session.version ? current : { session, receivedAt: Date.now() }));
  };
  useEffect(() => take(data?.sessionUpdated), [data]); // eslint-disable-line react-hooks/exhaustive-deps
  const live = useLiveConnected();
  const polled = useQuery(query, { variables, skip: live && !error, pollInterval: 3_000, fetchPolicy: 'network-only' });
  useEffect(() => take(polled.data?.session), [polled.data]); // eslint-disable-line react-hooks/exhaustive-deps
  // The feed is down (or failed): the view is polled meanwhile.
  return { view, take, error, reconnecting: Boolean(error) || !live };
}

export function ReconnectingNote() {
  return (
    <p className="note" role="status">
      Reconnecting… (updates every few seconds meanwhile)
    </p>
  );
}
