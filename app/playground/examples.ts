// Ready-made operations the playground opens with, one tab each. Each runs as it
// stands (tests/integration/playground-examples.test.ts validates every one against
// the schema and runs them); the first must stay the articles list, which the
// browser test runs. GraphiQL titles a tab with its first operation's name. Lines
// are kept to 48 characters: the editor pane is narrow on a laptop screen.
export const EXAMPLE_OPERATIONS: { title: string; query: string; variables?: string }[] = [
  {
    title: 'Articles, quotes and speakers',
    query: `# Every article in the game, newest first, with
# the quotations the engine found in it and who
# said them. speakerName is null when the text
# does not make the speaker clear (the game then
# asks nothing about it). Press the run button
# (or Ctrl-Enter) to send it.
query Articles {
  articles {
    id
    title
    outlet
    publishedAt
    quotes {
      text
      kind
      cue
      speakerName
      speakerKind
      speaker {
        name
        titles
      }
    }
  }
}
`,
  },
  {
    title: 'Questions of a quiz',
    query: `# Every quiz (stories told by several articles
# first, then single articles) with its
# questions and their choices. The answer key is
# not here: it comes back only once a question
# is answered (see the StartGame tab). For
# stories only, write quizzes(kind: STORY).
query QuizQuestions {
  quizzes {
    id
    kind
    title
    questionCount
    questions {
      id
      type
      prompt
      quote
      choices {
        id
        text
      }
    }
  }
}
`,
  },
  {
    title: 'Play a game',
    query: `# Play a game in three steps. This tab holds
# three operations: press the run button and
# pick the step from its menu (or put the cursor
# inside one and press Ctrl-Enter). They share
# the variables below.
#
# 1. StartGame: paste a quiz's id (QuizQuestions
#    tab) as "quizId". It answers with game.id
#    and your secret playerToken.
# 2. NextQuestion: paste game.id as "gameId" and
#    the token as "playerToken". It serves the
#    question you are on (ACCURACY mode: 10
#    minutes to answer it).
# 3. SubmitAnswer: paste the question's id as
#    "questionId" and one of its choices' ids as
#    "choiceId". It says whether you were right,
#    the right choice, why, and the sentence
#    that proves it.
# Repeat 2 and 3 until NextQuestion returns
# null: your score is then on the leaderboard
# (Leaderboard tab).
mutation StartGame(
  $quizId: ID!
  $nickname: String!
  $mode: ScoringMode
) {
  startGame(
    quizId: $quizId
    nickname: $nickname
    mode: $mode
  ) {
    game {
      id
      quiz { title }
      questionCount
      timeLimitSeconds
      rules
    }
    playerToken
  }
}

mutation NextQuestion(
  $gameId: ID!
  $playerToken: String!
) {
  nextQuestion(
    gameId: $gameId
    playerToken: $playerToken
  ) {
    id
    number
    timeRemainingMs
    type
    prompt
    choices {
      id
      text
    }
  }
}

mutation SubmitAnswer(
  $gameId: ID!
  $questionId: ID!
  $choiceId: ID!
  $playerToken: String!
) {
  submitAnswer(
    gameId: $gameId
    questionId: $questionId
    choiceId: $choiceId
    playerToken: $playerToken
  ) {
    correct
    points
    score
    streak
    correctChoice { text }
    explanation
    evidence {
      sentence
      article { title }
    }
    game { answeredCount questionCount status }
  }
}
`,
    variables: `{
  "quizId": "paste a quiz id (QuizQuestions)",
  "nickname": "Newcomer",
  "mode": "ACCURACY",
  "gameId": "paste game.id from StartGame",
  "playerToken": "paste it from StartGame",
  "questionId": "paste it from NextQuestion",
  "choiceId": "paste the id of your choice"
}`,
  },
  {
    title: 'Leaderboard',
    query: `# The ten best finished games of all time,
# across every quiz (empty until someone
# finishes a game). In the variables: "period"
# DAY or WEEK for today's or this week's board;
# a quiz's id as "quizId" for that quiz's board;
# the playerToken a game gave you for myRank,
# your best entry (null without one).
query Leaderboard(
  $quizId: ID
  $period: LeaderboardPeriod
  $first: Int
  $playerToken: String! = ""
) {
  leaderboard(
    quizId: $quizId
    period: $period
    first: $first
  ) {
    period
    quiz { title }
    entries {
      rank
      nickname
      score
      correctCount
      questionCount
      mode
      finishedAt
      quiz { title }
    }
    pageInfo { hasNextPage endCursor }
    myRank(playerToken: $playerToken) {
      rank
      nickname
      score
    }
  }
}
`,
    variables: `{
  "quizId": null,
  "period": "ALL_TIME",
  "first": 10,
  "playerToken": ""
}`,
  },
  {
    title: 'Read one article',
    query: `# One article, block by block, with the people
# it names. Paste an id from the Articles tab
# into the variables below (an unknown id
# answers null).
query Article($id: ID!) {
  article(id: $id) {
    title
    outlet
    url
    readingMinutes
    blocks {
      kind
      text
      start
      end
    }
    people {
      name
      titles
    }
  }
}
`,
    variables: '{\n  "id": "paste-an-article-id"\n}',
  },
  {
    title: 'Follow a class session',
    query: `# Live updates of a classroom session: host one
# with "Host a class" on a quiz, then paste the
# join code on the teacher's screen into the
# variables. You see what anyone may see (no
# answer until the teacher reveals it); the
# teacher's screen passes its hostToken, a
# student's phone its playerToken. Stop ends it.
subscription FollowSession($code: String!) {
  sessionUpdated(code: $code) {
    state
    questionNumber
    questionCount
    playerCount
    question {
      prompt
      choices { text }
    }
    reveal {
      correctChoice { text }
      evidence { sentence }
      distribution {
        choice { text }
        count
      }
    }
    leaderboard { rank nickname score }
  }
}
`,
    variables: '{\n  "code": "ACD347"\n}',
  },
];
