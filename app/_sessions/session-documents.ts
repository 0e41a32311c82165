// The GraphQL operations of classroom sessions: the host's and the students'
// screens follow one live view (sessionUpdated) and send moves and answers.
import { graphql } from '@/graphql/generated/client';

export const SessionViewFields = graphql(`
  fragment SessionViewFields on ClassSession {
    id
    code
    joinPath
    state
    quizTitle
    questionNumber
    questionCount
    mode
    timeLimitSeconds
    timeRemainingMs
    locked
    playerCount
    maxPlayers
    version
    question { id type prompt choices { id text } }
    reveal {
      correctChoice { id text }
      explanation
      evidence { sentence start end article { id title outlet body } }
      distribution { choice { id text } count }
      answerCount
    }
    leaderboard { id nickname score correctCount rank }
  }
`);

export const HostSessionFields = graphql(`
  fragment HostSessionFields on ClassSession {
    ...SessionViewFields
    host { answerCount allowedActions players { id nickname score correctCount rank } }
  }
`);

export const StudentSessionFields = graphql(`
  fragment StudentSessionFields on ClassSession {
    ...SessionViewFields
    me {
      id
      nickname
      score
      correctCount
      rank
      removed
      streak
      answeredCurrent
      lastAnswer { correct points choice { id } }
    }
  }
`);

export const HostSessionUpdated = graphql(`
  subscription HostSessionUpdated($code: String!, $hostToken: String!) {
    sessionUpdated(code: $code, hostToken: $hostToken) { ...HostSessionFields }
  }
`);

export const StudentSessionUpdated = graphql(`
  subscription StudentSessionUpdated($code: String!, $playerToken: String!) {
    sessionUpdated(code: $code, playerToken: $playerToken) { ...StudentSessionFields }
  }
`);

// The same views over HTTP: the fallback while the WebSocket is down.
export const HostSessionQuery = graphql(`
  query HostSession($code: String!, $hostToken: String!) {
    session(code: $code, hostToken: $hostToken) { ...HostSessionFields }
  }
`);

export const StudentSessionQuery = graphql(`
  query StudentSession($code: String!, $playerToken: String!) {
    session(code: $code, playerToken: $playerToken) { ...StudentSessionFields }
  }
`);

export const CreateSession = graphql(`
  mutation CreateSession($quizId: ID!, $settings: SessionSettings) {
    createSession(quizId: $quizId, settings: $settings) { hostToken session { id code } }
  }
`);

export const MoveSession = graphql(`
  mutation MoveSession($sessionId: ID!, $hostToken: String!, $action: SessionAction!, $expectedState: SessionState, $expectedQuestionNumber: Int) {
    moveSession(
      sessionId: $sessionId
      hostToken: $hostToken
      action: $action
      expectedState: $expectedState
      expectedQuestionNumber: $expectedQuestionNumber
    ) { ...HostSessionFields }
  }
`);

export const LockSession = graphql(`
  mutation LockSession($sessionId: ID!, $hostToken: String!, $locked: Boolean!) {
    lockSession(sessionId: $sessionId, hostToken: $hostToken, locked: $locked) { ...HostSessionFields }
  }
`);

export const RemovePlayer = graphql(`
  mutation RemovePlayer($sessionId: ID!, $hostToken: String!, $playerId: ID!) {
    removePlayer(sessionId: $sessionId, hostToken: $hostToken, playerId: $playerId) { ...HostSessionFields }
  }
`);

export const JoinSession = graphql(`
  mutation JoinSession($code: String!, $nickname: String!) {
    joinSession(code: $code, nickname: $nickname) { playerToken session { id code } }
  }
`);

export const AnswerSessionQuestion = graphql(`
  mutation AnswerSessionQuestion($sessionId: ID!, $questionId: ID!, $choiceId: ID!, $playerToken: String!) {
    answerSessionQuestion(sessionId: $sessionId, questionId: $questionId, choiceId: $choiceId, playerToken: $playerToken) { questionId choiceId }
  }
`);

export const SessionReportQuery = graphql(`
  query SessionReport($sessionId: ID!, $hostToken: String!) {
    sessionReport(sessionId: $sessionId, hostToken: $hostToken) {
      sessionId
      code
      quizTitle
      state
      createdAt
      csv
      questions {
        number
        question { id prompt choices { id text } }
        correctChoice { id }
        correctCount
        answerCount
        percentCorrect
        distribution { choice { id text } count }
        evidence { sentence start end article { id title outlet body } }
      }
      students { id nickname rank score correctCount removed answers { questionNumber correct points choice { id text } } }
    }
  }
`);
