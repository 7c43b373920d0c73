import { parse } from 'csv-parse/sync';
import { normalizeText } from '../src/domain/corpus/text-normalizer.ts';
import { detectLanguage } from '../src/domain/question/language.ts';
import { readSlots } from '../src/domain/question/slot-reader.ts';
import type { EvalItem } from './eval-set.ts';

export interface ClauseLookup {
  /** Normalised text plus unit names of a clause, or undefined when no clause has the id. */
  (clauseId: string): string | undefined;
}

export interface CsvImport {
  items: EvalItem[];
  warnings: string[];
}

const NOT_FOUND_ANSWER = /^\s*(?:not[ -]?found|not covered|none|n\/a|无|無|没有|沒有|未涉及|未找到|不涉及)\s*$/iu;

/**
 * Converts a CSV of (question, expected answer, gold clause) into eval items. The expected answer
 * is split into key strings, and only the parts that occur in a gold clause are kept, since the
 * validator requires that; an empty or "not found" answer makes an unanswerable item. Optional
 * columns: id, language, kind.
 */
export function importCsv(csv: string, prefix: string, lookup: ClauseLookup): CsvImport {
  const rows = parse(csv, { columns: (header: string[]) => header.map((name) => name.trim().toLowerCase().replace(/[\s_-]+/gu, ' ')), skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  const warnings: string[] = [];
  const items: EvalItem[] = [];
  rows.forEach((row, index) => {
    const line = index + 2;
    const question = row.question ?? '';
    if (question === '') {
      warnings.push(`line ${line}: no question; skipped`);
      return;
    }
    const expected = row['expected answer'] ?? row.answer ?? '';
    const gold = (row['gold clause'] ?? row['gold clauses'] ?? row.gold ?? '').split(/[\s;,，；]+/u).filter(Boolean);
    const language = (row.language as EvalItem['language'] | undefined) || detectLanguage(question);
    const id = row.id || `${prefix}-${String(index + 1).padStart(3, '0')}`;
    if (expected === '' || NOT_FOUND_ANSWER.test(expected)) {
      if (gold.length > 0) warnings.push(`line ${line}: gold clauses given for a not-found answer; ignored`);
      items.push({ id, language, kind: 'unanswerable', question, gold: [], keys: [], expectNotFound: true });
      return;
    }
    const unknown = gold.filter((clauseId) => lookup(clauseId) === undefined);
    if (unknown.length > 0) {
      warnings.push(`line ${line}: no clause ${unknown.join(', ')} (ids as GET /api/documents/:id lists them); skipped`);
      return;
    }
    const haystack = gold.map((clauseId) => lookup(clauseId)!).join('\n');
    const parts = expected.split(/[,;，；、\n]+|\s+and\s+/u).map((part) => part.trim()).filter((part) => part.length > 0);
    const keys = parts.filter((part) => haystack.includes(normalizeText(part)));
    const dropped = parts.filter((part) => !keys.includes(part));
    if (dropped.length > 0) warnings.push(`line ${line}: ${dropped.map((part) => `"${part}"`).join(', ')} not found verbatim in the gold clause; not used as a key`);
    if (keys.length === 0 && gold.length === 0) {
      warnings.push(`line ${line}: neither a gold clause nor a key string to check; skipped`);
      return;
    }
    items.push({ id, language, kind: (row.kind as EvalItem['kind'] | undefined) || kindOf(question), question, gold, keys });
  });
  return { items, warnings };
}

/** The kind an item is scored under, from the slots its question asks (the analyzer's own slot reader). */
function kindOf(question: string): EvalItem['kind'] {
  const reading = readSlots(normalizeText(question).toLowerCase(), question, detectLanguage(question) === 'en');
  if (reading.compare) return 'cross-document';
  const slot = reading.slots[0];
  if (slot === 'lead' || slot === 'money' || slot === 'figure' || slot === 'date' || slot === 'content' || slot === 'unit-count') return slot;
  if (slot === 'units') return reading.yesNo ? 'unit-check' : 'responsible';
  return 'metadata';
}
