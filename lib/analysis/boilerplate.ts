// Lines that belong to the web page, not the article: image credits,
// follow/subscribe prompts, "Read more" links.
const BOILERPLATE = /^(?:(?:featured\s+)?(?:image|photo|picture|video)(?:\s+credit)?s?\s*:|credit\s*:|(?:click|tap)\b|(?:for more|read more|related|see also|watch|listen)\b|(?:\(?\s*)?(?:reporting|writing|editing|additional reporting|compiled|produced|graphics) by\b|by [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}(?:,| and| \||$)|(?:updated|published|posted):?\s+\w+ \d|.*\b(?:follow us|subscribe|sign up for|newsletter|share this (?:article|story)|all rights reserved|contributed (?:to )?this report|copyright)\b)/i;

export function isBoilerplate(line: string): boolean {
  return BOILERPLATE.test(line.trim());
}
