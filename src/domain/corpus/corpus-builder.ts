import { createHash } from 'node:crypto';
import { alignClauses } from './clause-alignment.ts';
import { buildClauseRecords, buildSections } from './clause-records.ts';
import { plainChineseSegmenter } from '../text/chinese-segmenter.ts';
import { Gazetteer } from '../places/gazetteer.ts';
import { resolveRegion, type Region } from '../places/regions.ts';
import { documentId } from './document-identity.ts';
import { compareSources, duplicateCandidates } from './duplicate-detector.ts';
import { primaryFact, type FactField } from './metadata-extractor.ts';
import type { Corpus, DocumentRecord, MergedDuplicate, RejectedFile, SourcedFact, UnitRecord } from './policy-document.ts';
import { decodeSeedFile, type SeedFile } from './seed-file-decoder.ts';
import { parseSource, type SourceDraft } from './source-parser.ts';
import { normalizeText, toSimplified } from './text-normalizer.ts';
import { englishUnitName } from './unit-names.ts';

/** Bump when parsing changes what ingest produces, so that stored corpora are rebuilt. */
export const PARSER_VERSION = 3;

export interface BuildOptions {
  maxFileBytes: number;
}

/** Files the seed reader refused before reading them (too large to load, unreadable). */
export type PreRejected = RejectedFile;

export function buildCorpus(files: SeedFile[], options: BuildOptions, preRejected: PreRejected[] = []): Corpus {
  const rejected: RejectedFile[] = [...preRejected];
  const warnings: string[] = [];
  const drafts: SourceDraft[] = [];
  for (const file of [...files].sort((left, right) => left.fileName.localeCompare(right.fileName))) {
    const decoded = decodeSeedFile(file, options.maxFileBytes);
    if (!decoded.ok) {
      rejected.push({ fileName: decoded.fileName, reason: decoded.reason });
      continue;
    }
    const draft = parseSource(decoded.fileName, decoded.text, decoded.warnings);
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
  const corpusHash = corpusFingerprint(files, preRejected);
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
      bytes: draft.bytes,
      primary: draft === primary,
      script: draft.script,
      removedLines: draft.removedLines,
      pinyinAnnotationsRemoved: draft.pinyinAnnotationsRemoved,
      warnings: draft.warnings,
    })),
    facts,
    sections: buildSections(primary.structure, primary.script),
    clauses: buildClauseRecords(id, primary.structure, primary.script),
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
