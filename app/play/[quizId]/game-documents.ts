// The GraphQL operations the play screen sends.
import { graphql } from '@/graphql/generated/client';

export const StartGame = graphql(`
  mutation StartGame($quizId: ID!, $nickname: String!, $mode: ScoringMode, $playerToken: String) {
    startGame(quizId: $quizId, nickname: $nickname, mode: $mode, playerToken: $playerToken) {
      playerToken
      game {
        id
        mode
        questionCount
        timeLimitSeconds
      }
    }
  }
`);

export const NextQuestion = graphql(`
  mutation NextQuestion($gameId: ID!, $playerToken: String!) {
    nextQuestion(gameId: $gameId, playerToken: $playerToken) {
      id
      type
      prompt
      number
      timeLimitSeconds
      timeRemainingMs
      choices {
        id
        text
      }
    }
  }
`);

export const AnswerResultFields = graphql(`
  fragment AnswerResultFields on AnswerResult {
    correct
    late
    points
    score
    streak
    explanation
    chosenChoice { id }
    correctChoice { id text }
    evidence { sentence start end article { id title outlet body } }
    game { id status answeredCount questionCount score streak }
  }
`);

export const SubmitAnswer = graphql(`
  mutation SubmitAnswer($gameId: ID!, $questionId: ID!, $choiceId: ID!, $playerToken: String!) {
    submitAnswer(gameId: $gameId, questionId: $questionId, choiceId: $choiceId, playerToken: $playerToken) {
      ...AnswerResultFields
    }
  }
`);

export const ExpireQuestion = graphql(`
  mutation ExpireQuestion($gameId: ID!, $questionId: ID!, $playerToken: String!) {
    expireQuestion(gameId: $gameId, questionId: $questionId, playerToken: $playerToken) {
      ...AnswerResultFields
    }
  }
`);


export const ResumeGame = graphql(`
  query ResumeGame($id: ID!) {
    game(id: $id) {
      id
      status
      score
      streak
    }
  }
`);
