import { createHash } from 'node:crypto';
import { extractFacts, type DocumentFact } from './metadata-extractor.ts';
import { cleanSource } from './source-lines.ts';
import { parseStructure, type ParsedStructure } from './structure-parser.ts';
import type { Script } from './text-normalizer.ts';

/** One seed file read on its own, before duplicates across files are merged. */
export interface SourceDraft {
  fileName: string;
  /** Of the file's bytes when read from a file, else of its text. */
  sha256: string;
  format?: 'pdf' | 'docx' | 'html' | 'txt';
  /** For a PDF: the page of each line of the text, from 1. */
  linePages?: number[];
  bytes: number;
  script: Script;
  structure: ParsedStructure;
  facts: DocumentFact[];
  removedLines: number;
  pinyinAnnotationsRemoved: number;
  warnings: string[];
}

export function parseSource(fileName: string, text: string, decodeWarnings: string[] = []): SourceDraft {
  const cleaned = cleanSource(text);
  const structure = parseStructure(cleaned.bodyLines);
  const bytes = Buffer.byteLength(text, 'utf8');
  return {
    fileName,
    sha256: createHash('sha256').update(text).digest('hex'),
    bytes,
    script: cleaned.script,
    structure,
    facts: extractFacts(cleaned.allLines, cleaned.script),
    removedLines: cleaned.removed.length,
    pinyinAnnotationsRemoved: cleaned.pinyinAnnotationsRemoved,
    warnings: [...decodeWarnings, ...structure.warnings],
  };
}
