// Lines that belong to the web page, not the article: image credits,
// follow/subscribe prompts, "Read more" links.
const BOILERPLATE = /^(?:(?:featured\s+)?(?:image|photo|picture|video)(?:\s+credit)?s?\s*:|credit\s*:|(?:click|tap)\b|(?:for more|read more|related|see also|watch|listen)\b|(?:\(?\s*)?(?:reporting|writing|editing|additional reporting|compiled|produced|graphics) by\b|(?:last\s+)?(?:updated|published|posted)\b:?[^.]{0,40}\d{4}|.*\b(?:photograph|photo|image|illustration|picture)\s*:\s*[A-Z]|.*\b(?:follow us|subscribe|sign up for|newsletter|share this (?:article|story)|all rights reserved|contributed (?:to )?this report|copyright)\b)/i;

// A byline: "By Helena Marsh and Tom Okoye", "By JANE DOE, Associated Press".
const BYLINE = /^By (?:[A-Z][\w.'’-]+ ?){1,4}(?:(?:,| and| &) (?:[A-Z][\w.'’-]+ ?){1,4})*(?:,|$)/;

export function isBoilerplate(line: string): boolean {
  const trimmed = line.trim();
  return BOILERPLATE.test(trimmed) || (BYLINE.test(trimmed) && trimmed.split(/\s+/).length <= 12);
}
