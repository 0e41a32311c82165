'use client';
// "You": this browser's player's best place on the leaderboard shown.
import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { graphql } from '@/graphql/generated/client';
import type { LeaderboardPeriod } from '@/graphql/generated/client/graphql';
import { savedPlayer } from '../_components/player-storage';

const MyRank = graphql(`
  query MyRank($quizId: ID, $period: LeaderboardPeriod, $playerToken: String!) {
    leaderboard(quizId: $quizId, period: $period, first: 1) {
      myRank(playerToken: $playerToken) {
        rank
        nickname
        score
      }
    }
  }
`);

export function YourRank({ quizId, period }: { quizId: string | null; period: LeaderboardPeriod }) {
  const [token, setToken] = useState<string | null>(null);
  useEffect(() => setToken(savedPlayer().token), []);
  const { data } = useQuery(MyRank, { variables: { quizId, period, playerToken: token ?? '' }, skip: !token, fetchPolicy: 'network-only' });
  const mine = data?.leaderboard.myRank;
  if (!mine) return null;
  return (
    <p className="your-rank" role="status">
      You ({mine.nickname}): <strong>#{mine.rank}</strong> with {mine.score.toLocaleString('en-US')} points
    </p>
  );
}
