import patterns from './boilerplate-patterns.json' with { type: 'json' };

interface NamedPattern {
  name: string;
  regex: RegExp;
  consumesValues: boolean;
}

const compile = (entries: { name: string; pattern: string; consumesValues?: boolean }[]): NamedPattern[] =>
  entries.map((entry) => ({
    name: entry.name,
    regex: new RegExp(entry.pattern, 'u'),
    consumesValues: entry.consumesValues ?? false,
  }));

const LINE_PATTERNS = compile(patterns.lines);
const TRAILER_PATTERNS = compile(patterns.trailers);

/** Name of the boilerplate rule a normalised line matches, if any. */
export function matchBoilerplateLine(normalizedLine: string): { rule: string; labelOnly: boolean } | undefined {
  const pattern = LINE_PATTERNS.find((candidate) => candidate.regex.test(normalizedLine));
  if (!pattern) return undefined;
  const labelOnly = pattern.consumesValues && normalizedLine.replace(pattern.regex, '').trim() === '';
  return { rule: pattern.name, labelOnly };
}

/** Name of the page-footer marker a normalised line matches, if any. */
export function matchTrailerMarker(normalizedLine: string): string | undefined {
  return TRAILER_PATTERNS.find((pattern) => pattern.regex.test(normalizedLine))?.name;
}
