import { matchBoilerplateLine, matchTrailerMarker } from './boilerplate.ts';
import {
  classifyLine, endsLikeTitle, hasTerminalPunctuation, hasUnclosedBracket, type LineKind,
} from './line-kinds.ts';
import { stripPinyinAnnotations } from './pinyin-annotations.ts';
import { detectScript, normalizeText, type Script } from './text-normalizer.ts';

export interface SourceLine {
  /** 1-based line number in the source file where this line starts. */
  lineNumber: number;
  /** The line as the source writes it, minus pinyin garbage and surrounding whitespace. */
  display: string;
  /** Simplified, mainland wording, unified widths: for matching and parsing. */
  normalized: string;
  kind: LineKind;
}

export interface RemovedLine {
  lineNumber: number;
  rule: string;
  text: string;
}

export interface CleanedSource {
  script: Script;
  /** Every non-blank line, pinyin stripped; metadata is read from these, boilerplate included. */
  allLines: SourceLine[];
  /** Policy text only: boilerplate removed and broken title lines rejoined. */
  bodyLines: SourceLine[];
  removed: RemovedLine[];
  pinyinAnnotationsRemoved: number;
}

const MAX_TITLE_FRAGMENT = 60;

function makeLine(lineNumber: number, display: string, script: Script): SourceLine {
  const normalized = normalizeText(display, script);
  return { lineNumber, display, normalized, kind: classifyLine(normalized) };
}

export function cleanSource(rawText: string): CleanedSource {
  const { text, removed: pinyinAnnotationsRemoved } = stripPinyinAnnotations(rawText.replace(/^\uFEFF/u, ''));
  const script = detectScript(text);
  const allLines: SourceLine[] = [];
  text.split(/\r\n|\r|\n/u).forEach((line, index) => {
    const display = line.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
    if (display.length > 0) allLines.push(makeLine(index + 1, display, script));
  });

  const removed: RemovedLine[] = [];
  const kept: SourceLine[] = [];
  const headerTitles = new Set<string>();
  let bodyStarted = false;
  for (let index = 0; index < allLines.length; index += 1) {
    const line = allLines[index]!;
    if (bodyStarted) {
      const trailer = matchTrailerMarker(line.normalized);
      if (trailer) {
        for (const rest of allLines.slice(index)) removed.push({ lineNumber: rest.lineNumber, rule: trailer, text: rest.display });
        break;
      }
    }
    const boilerplate = matchBoilerplateLine(line.normalized);
    if (boilerplate) {
      removed.push({ lineNumber: line.lineNumber, rule: boilerplate.rule, text: line.display });
      // A label alone on its line (发布单位) has its value on the following short lines.
      while (boilerplate.labelOnly && isFieldValue(allLines[index + 1])) {
        index += 1;
        removed.push({ lineNumber: allLines[index]!.lineNumber, rule: boilerplate.rule, text: allLines[index]!.display });
      }
      continue;
    }
    if (line.kind === 'section-heading' || line.kind === 'clause-start') bodyStarted = true;
    if (!bodyStarted && line.kind === 'title') headerTitles.add(line.normalized);
    // Pages often repeat the notice title as a link after the text.
    if (bodyStarted && line.kind === 'title' && repeatsHeaderTitle(line.normalized, headerTitles)) {
      removed.push({ lineNumber: line.lineNumber, rule: 'repeated-title', text: line.display });
      continue;
    }
    kept.push(line);
  }
  return { script, allLines, bodyLines: rejoinBrokenTitles(kept, script), removed, pinyinAnnotationsRemoved };
}

function repeatsHeaderTitle(normalizedLine: string, headerTitles: Set<string>): boolean {
  for (const title of headerTitles) {
    if (title.startsWith(normalizedLine) || normalizedLine.startsWith(title)) return true;
  }
  return false;
}

function isFieldValue(line: SourceLine | undefined): line is SourceLine {
  return (
    line !== undefined &&
    line.kind === 'paragraph' &&
    line.normalized.length <= 40 &&
    !hasTerminalPunctuation(line.normalized) &&
    matchBoilerplateLine(line.normalized) === undefined
  );
}

function isTitleFragment(line: SourceLine): boolean {
  return (
    line.normalized.length <= MAX_TITLE_FRAGMENT &&
    !hasTerminalPunctuation(line.normalized) &&
    (line.kind === 'paragraph' || line.kind === 'title')
  );
}

/**
 * Typeset titles are often broken over two lines with a blank line between:
 * “关于印发《…产品 工程和” / “服务质量行动实施方案（2023—2025年）》的通知”. Two short lines are
 * joined when the first leaves a bracket open, or when only their union reads as a title.
 */
function rejoinBrokenTitles(lines: SourceLine[], script: Script): SourceLine[] {
  const result: SourceLine[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const current = lines[index]!;
    const next = lines[index + 1];
    if (next && isTitleFragment(current) && isTitleFragment(next) && current.kind !== 'title') {
      const joined = makeLine(current.lineNumber, current.display + next.display, script);
      const continuesBracket = hasUnclosedBracket(current.normalized) && !hasUnclosedBracket(joined.normalized);
      const completesTitle = !endsLikeTitle(current.normalized) && joined.kind === 'title';
      if (continuesBracket || completesTitle) {
        result.push(joined);
        index += 1;
        continue;
      }
    }
    result.push(current);
  }
  return result;
}
