// Ready-made operations the playground opens with, one tab each.
export const EXAMPLE_OPERATIONS: { title: string; query: string; variables?: string }[] = [
  {
    title: 'List articles',
    query: `# Every article in the game, newest first.
# Press the run button (or Ctrl-Enter) to send it.
query Articles {
  articles {
    id
    title
    outlet
    publishedAt
    wordCount
  }
}
`,
  },
  {
    title: 'Read one article',
    query: `# One article, block by block. Paste an id from the first tab into the variables below.
query Article($id: ID!) {
  article(id: $id) {
    title
    outlet
    url
    blocks {
      kind
      text
      start
      end
    }
  }
}
`,
    variables: '{\n  "id": "paste-an-article-id"\n}',
  },
  {
    title: 'Follow a class session',
    query: `# Live updates of a classroom session: paste the join code shown on the teacher's screen.
# You see what anyone may see (no answers until the teacher reveals them); the teacher's
# screen passes its hostToken, a student's phone its playerToken.
subscription FollowSession($code: String!) {
  sessionUpdated(code: $code) {
    state
    questionNumber
    questionCount
    playerCount
    question { prompt choices { text } }
    reveal { correctChoice { text } evidence { sentence } distribution { choice { text } count } }
    leaderboard { rank nickname score }
  }
}
`,
    variables: '{\n  "code": "ABC346"\n}',
  },
];
