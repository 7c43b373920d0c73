import { createHash } from 'node:crypto';
import { alignClauses } from './clause-alignment.ts';
import { buildClauseRecords, buildSections } from './clause-records.ts';
import { plainChineseSegmenter } from '../text/chinese-segmenter.ts';
import { Gazetteer } from '../places/gazetteer.ts';
import { resolveRegion, type Region } from '../places/regions.ts';
import { documentId } from './document-identity.ts';
import { compareSources, duplicateCandidates } from './duplicate-detector.ts';
import { primaryFact, type FactField } from './metadata-extractor.ts';
import type { Corpus, DocumentRecord, MergedDuplicate, RejectedFile, SourcedFact, SourceRecord, UnitRecord } from './policy-document.ts';
import { decodeSeedFile, type SeedFile } from './seed-file-decoder.ts';
import { parseSource, type SourceDraft } from './source-parser.ts';
import { normalizeText, toSimplified } from './text-normalizer.ts';
import { englishUnitName } from './unit-names.ts';

/** Bump when parsing changes what ingest produces, so that stored corpora are rebuilt. */
export const PARSER_VERSION = 4;

export interface BuildOptions {
  maxFileBytes: number;
}

/** Files the seed reader refused before reading them (too large to load, unreadable). */
export type PreRejected = RejectedFile;

/**
 * One source file as text, read by its format's reader (adapters/formats/): what the structure
 * parser reads. `sha256` is of the file's bytes; `linePages`, for a PDF, the page of each line.
 */
export interface SourceText {
  fileName: string;
  sha256: string;
  text: string;
  warnings: string[];
  format: SourceRecord['format'];
  linePages?: number[];
}

/** The corpus of plain-text seed files (UTF-8 or GB18030), as the seeds folder held them from the start. */
export function buildCorpus(files: SeedFile[], options: BuildOptions, preRejected: PreRejected[] = []): Corpus {
  const rejected: RejectedFile[] = [...preRejected];
  const sources: SourceText[] = [];
  for (const file of files) {
    const decoded = decodeSeedFile(file, options.maxFileBytes);
    if (!decoded.ok) rejected.push({ fileName: decoded.fileName, reason: decoded.reason });
    else sources.push({ fileName: file.fileName, sha256: createHash('sha256').update(file.bytes).digest('hex'), text: decoded.text, warnings: decoded.warnings, format: 'txt' });
  }
  return buildCorpusFromSources(sources, rejected, corpusFingerprint(files, preRejected));
}

/**
 * Parsed sources by file hash: a file is parsed once however often the library is rebuilt around
 * it (an upload rebuilds the corpus; the other files keep their parse).
 */
export type ParseCache = Map<string, SourceDraft>;

export function buildCorpusFromSources(sources: SourceText[], rejected: RejectedFile[], fingerprint: string, cache?: ParseCache): Corpus {
  const warnings: string[] = [];
  const drafts: SourceDraft[] = [];
  for (const source of [...sources].sort((left, right) => left.fileName.localeCompare(right.fileName) || left.sha256.localeCompare(right.sha256))) {
    const key = `${PARSER_VERSION}:${source.sha256}:${source.fileName}`;
    let draft = cache?.get(key);
    if (!draft) {
      draft = { ...parseSource(source.fileName, source.text, source.warnings), sha256: source.sha256, format: source.format, ...(source.linePages ? { linePages: source.linePages } : {}) };
      cache?.set(key, draft);
    }
    drafts.push(draft);
    for (const warning of draft.warnings) warnings.push(`${draft.fileName}: ${warning}`);
  }

  const groups = groupDuplicates(drafts);
  const duplicates: MergedDuplicate[] = [];
  const documents: DocumentRecord[] = [];
  const usedIds = new Set<string>();
  const regions = new Map<string, Region>();
  const gazetteer = Gazetteer.standard();
  for (const group of groups) {
    const { document, region } = mergeGroup(group, usedIds, gazetteer);
    documents.push(document);
    regions.set(document.id, region);
    if (group.length > 1) {
      const kept = document.sources.find((source) => source.primary)!;
      duplicates.push({
        documentId: document.id,
        keptSource: kept.fileName,
        mergedSources: group.map((draft) => draft.fileName).filter((name) => name !== kept.fileName),
        clauseMatchRatio: Math.min(...group.slice(1).map((draft) => compareSources(group[0]!, draft).clauseMatchRatio)),
      });
    }
  }

  const units = collectUnits(documents, regions);
  for (const unit of units) if (unit.nameEn === null) warnings.push(`unit ${unit.name} has no English name in the glossary`);
  const corpusHash = fingerprint;
  const correspondences = alignClauses(documents, plainChineseSegmenter());
  return { documents, units, correspondences, corpusHash, rejected, duplicates, warnings };
}

/**
 * What a corpus is built from: the parser and every file's name and bytes (and the files refused
 * before reading). The same fingerprint means the same corpus, so a start on an unchanged folder
 * compares it with the stored one before parsing anything.
 */
export function corpusFingerprint(files: SeedFile[], preRejected: PreRejected[] = []): string {
  const hash = createHash('sha256').update(`parser ${PARSER_VERSION}\n`);
  for (const file of [...files].sort((left, right) => left.fileName.localeCompare(right.fileName))) {
    hash.update(`${file.fileName}\t${createHash('sha256').update(file.bytes).digest('hex')}\n`);
  }
  for (const file of preRejected) hash.update(`rejected ${file.fileName}\t${file.reason}\n`);
  return hash.digest('hex');
}

/**
 * Union of duplicate verdicts, so that three copies of one plan become one group. Only pairs the
 * candidate index proposes (same 文号, or similar text by MinHash) are compared clause by clause.
 */
function groupDuplicates(drafts: SourceDraft[]): SourceDraft[][] {
  const parent = drafts.map((_, index) => index);
  const find = (index: number): number => (parent[index] === index ? index : (parent[index] = find(parent[index]!)));
  for (const [left, right] of duplicateCandidates(drafts)) {
    if (find(left) !== find(right) && compareSources(drafts[left]!, drafts[right]!).duplicate) parent[find(right)] = find(left);
  }
  const groups = new Map<number, SourceDraft[]>();
  drafts.forEach((draft, index) => groups.set(find(index), [...(groups.get(find(index)) ?? []), draft]));
  return [...groups.values()];
}

/**
 * The source that needed the least cleaning shows its text (an official copy over a web
 * republication); every source contributes facts, each kept with the file it came from.
 */
function mergeGroup(group: SourceDraft[], usedIds: Set<string>, gazetteer: Gazetteer): { document: DocumentRecord; region: Region } {
  const ranked = [...group].sort(
    (left, right) =>
      clauseCount(right) - clauseCount(left) ||
      left.removedLines + left.pinyinAnnotationsRemoved - (right.removedLines + right.pinyinAnnotationsRemoved) ||
      left.fileName.localeCompare(right.fileName),
  );
  const primary = ranked[0]!;
  const facts: SourcedFact[] = ranked.flatMap((draft) => draft.facts.map((fact) => ({ ...fact, sourceFile: draft.fileName })));
  const value = (field: FactField) => primaryFact(facts, field)?.value ?? null;

  const titleLine = primary.structure.title ?? ranked.map((draft) => draft.structure.title).find(Boolean);
  const title = titleLine?.display.replace(/\s+/gu, ' ') ?? primary.fileName.replace(/\.txt$/u, '');
  const normalizedTitle = normalizeText(title, primary.script);
  const docNumber = value('docNumber');
  const issuer = value('issuer');
  const date = value('date');
  const region = resolveRegion(docNumber, issuer, normalizedTitle, gazetteer);
  let id = documentId(region, docNumber, date, normalizedTitle);
  for (let suffix = 2; usedIds.has(id); suffix += 1) id = `${documentId(region, docNumber, date, normalizedTitle)}-${suffix}`;
  usedIds.add(id);

  const document: DocumentRecord = {
    id,
    title,
    titleSimplified: toSimplified(title, primary.script),
    normalizedTitle,
    docNumber,
    issuer,
    date,
    level: region.level,
    regionCode: region.code,
    placeCode: region.place,
    region: region.name,
    regionEn: region.nameEn,
    status: value('status') === 'draft' ? 'draft' : 'in-force',
    sources: ranked.map((draft) => ({
      fileName: draft.fileName,
      sha256: draft.sha256,
      format: draft.format ?? 'txt',
      bytes: draft.bytes,
      primary: draft === primary,
      script: draft.script,
      removedLines: draft.removedLines,
      pinyinAnnotationsRemoved: draft.pinyinAnnotationsRemoved,
      warnings: draft.warnings,
    })),
    facts,
    sections: buildSections(primary.structure, primary.script),
    clauses: buildClauseRecords(id, primary.structure, primary.script).map((clause) => ({ ...clause, page: primary.linePages?.[clause.sourceLine - 1] ?? null })),
  };
  return { document, region };
}

function clauseCount(draft: SourceDraft): number {
  return draft.structure.passages.filter((passage) => passage.kind === 'clause').length;
}

export function unitKey(regionCode: string, name: string): string {
  return `${regionCode}:${name}`;
}

function collectUnits(documents: DocumentRecord[], regions: Map<string, Region>): UnitRecord[] {
  const units = new Map<string, UnitRecord>();
  for (const document of documents) {
    const region = regions.get(document.id)!;
    for (const clause of document.clauses) {
      for (const { name } of clause.units) {
        const key = unitKey(region.code, name);
        if (!units.has(key)) units.set(key, { key, name, regionCode: region.code, nameEn: englishUnitName(name, region.cityEn) });
      }
    }
  }
  return [...units.values()].sort((left, right) => left.key.localeCompare(right.key));
}
