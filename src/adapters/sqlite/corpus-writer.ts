import type Database from 'better-sqlite3';
import { unitKey } from '../../domain/corpus/corpus-builder.ts';
import type { Corpus } from '../../domain/corpus/policy-document.ts';

/** Writes a whole corpus over the previous one. The caller wraps this in a transaction. */
export function writeCorpus(database: Database.Database, corpus: Corpus): void {
  for (const table of ['clause_correspondences', 'clause_units', 'clauses', 'sections', 'document_facts', 'sources', 'documents', 'units']) {
    database.prepare(`DELETE FROM ${table}`).run();
  }
  const insertDocument = database.prepare(
    `INSERT INTO documents (id, position, title, title_simplified, normalized_title, doc_number, issuer, date, level, region_code, place_code, region, region_en, status)
     VALUES (@id, @position, @title, @titleSimplified, @normalizedTitle, @docNumber, @issuer, @date, @level, @regionCode, @placeCode, @region, @regionEn, @status)`,
  );
  const insertSource = database.prepare(
    `INSERT INTO sources (file_name, document_id, sha256, bytes, is_primary, script, removed_lines, pinyin_annotations_removed, warnings, format)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFact = database.prepare(
    'INSERT INTO document_facts (document_id, field, value, evidence, source_file, line_number) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertSection = database.prepare(
    'INSERT INTO sections (document_id, ordinal, numeral, heading, normalized_heading) VALUES (?, ?, ?, ?, ?)',
  );
  const insertClause = database.prepare(
    `INSERT INTO clauses (id, document_id, kind, position, section_numeral, section_heading, numeral, heading, text, normalized_text, responsibility, source_line, page)
     VALUES (@id, @documentId, @kind, @position, @sectionNumeral, @sectionHeading, @numeral, @heading, @text, @normalizedText, @responsibility, @sourceLine, @page)`,
  );
  const insertUnit = database.prepare('INSERT INTO units (key, name, region_code, name_en) VALUES (?, ?, ?, ?)');
  const insertClauseUnit = database.prepare('INSERT INTO clause_units (clause_id, unit_key, position, role) VALUES (?, ?, ?, ?)');

  for (const unit of corpus.units) insertUnit.run(unit.key, unit.name, unit.regionCode, unit.nameEn);
  corpus.documents.forEach((document, index) => {
    const { sources, facts, sections, clauses, ...row } = document;
    insertDocument.run({ ...row, position: index + 1 });
    for (const source of sources) {
      insertSource.run(
        source.fileName, document.id, source.sha256, source.bytes, source.primary ? 1 : 0, source.script,
        source.removedLines, source.pinyinAnnotationsRemoved, JSON.stringify(source.warnings), source.format,
      );
    }
    for (const fact of facts) insertFact.run(document.id, fact.field, fact.value, fact.evidence, fact.sourceFile, fact.lineNumber);
    for (const section of sections) insertSection.run(document.id, section.ordinal, section.numeral, section.heading, section.normalizedHeading);
    for (const clause of clauses) {
      const { units, ...clauseRow } = clause;
      insertClause.run({ ...clauseRow, page: clause.page ?? null });
      units.forEach((unit, position) => insertClauseUnit.run(clause.id, unitKey(document.regionCode, unit.name), position + 1, unit.role));
    }
  });
  const insertCorrespondence = database.prepare('INSERT INTO clause_correspondences (clause_id, other_clause_id, relation, score) VALUES (?, ?, ?, ?)');
  for (const each of corpus.correspondences) insertCorrespondence.run(each.clauseId, each.otherClauseId, each.relation, each.score);
}
