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
];
