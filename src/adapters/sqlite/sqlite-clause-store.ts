import type Database from 'better-sqlite3';
import type { ClauseCorrespondence, Corpus } from '../../domain/corpus/policy-document.ts';
import type {
  ClauseStore, CorpusStats, DocumentDetail, DocumentSource, DocumentSummary, IngestRun, LibraryFile, LibraryFileChanges, StoredClause, StoredUnit,
} from '../../domain/ports/clause-store.ts';
import { writeCorpus } from './corpus-writer.ts';

interface DocumentRow {
  id: string;
  title: string;
  title_simplified: string;
  normalized_title: string;
  doc_number: string | null;
  issuer: string | null;
  date: string | null;
  level: DocumentSummary['level'];
  region_code: string;
  place_code: string | null;
  region: string;
  region_en: string;
  status: DocumentSummary['status'];
  clause_count: number;
}

interface ClauseRow {
  page: number | null;
  id: string;
  document_id: string;
  kind: StoredClause['kind'];
  position: number;
  section_numeral: string | null;
  section_heading: string | null;
  numeral: string | null;
  heading: string | null;
  text: string;
  normalized_text: string;
}

const DOCUMENT_COLUMNS = `
  d.id, d.title, d.title_simplified, d.normalized_title, d.doc_number, d.issuer, d.date, d.level, d.region_code, d.place_code, d.region,
  d.region_en, d.status,
  (SELECT COUNT(*) FROM clauses c WHERE c.document_id = d.id AND c.kind = 'clause') AS clause_count`;

const CLAUSE_COLUMNS = `id, document_id, kind, position, section_numeral, section_heading, numeral, heading, text, normalized_text, page`;

export class SqliteClauseStore implements ClauseStore {
  constructor(private readonly database: Database.Database) {}

  replaceCorpus(corpus: Corpus, files: LibraryFileChanges = {}): IngestRun {
    const run: IngestRun = {
      finishedAt: new Date().toISOString(),
      corpusHash: corpus.corpusHash,
      documents: corpus.documents.length,
      clauses: corpus.documents.reduce((sum, document) => sum + document.clauses.filter((clause) => clause.kind === 'clause').length, 0),
      passages: corpus.documents.reduce((sum, document) => sum + document.clauses.filter((clause) => clause.kind !== 'clause').length, 0),
      units: corpus.units.length,
      duplicatesMerged: corpus.duplicates.reduce((sum, duplicate) => sum + duplicate.mergedSources.length, 0),
      rejected: corpus.rejected,
      warnings: corpus.warnings,
    };
    this.database.transaction(() => {
      const add = this.database.prepare(
        `INSERT INTO library_files (sha256, file_name, format, origin, bytes, added_at, added_by, removed_at, removed_by)
         VALUES (@sha256, @fileName, @format, @origin, @bytes, @addedAt, @addedBy, NULL, NULL)
         ON CONFLICT (sha256) DO UPDATE SET file_name = excluded.file_name, removed_at = NULL, removed_by = NULL`,
      );
      for (const file of files.add ?? []) add.run(file);
      const remove = this.database.prepare('UPDATE library_files SET removed_at = ?, removed_by = ? WHERE sha256 = ?');
      for (const file of files.remove ?? []) remove.run(run.finishedAt, file.by, file.sha256);
      writeCorpus(this.database, corpus);
      this.database
        .prepare('INSERT INTO ingest_runs (finished_at, corpus_hash, summary) VALUES (?, ?, ?)')
        .run(run.finishedAt, run.corpusHash, JSON.stringify(run));
    })();
    return run;
  }

  currentCorpusHash(): string | null {
    const row = this.database.prepare('SELECT corpus_hash FROM ingest_runs ORDER BY id DESC LIMIT 1').get() as
      | { corpus_hash: string }
      | undefined;
    return row?.corpus_hash ?? null;
  }

  listDocuments(): DocumentSummary[] {
    const rows = this.database.prepare(`SELECT ${DOCUMENT_COLUMNS} FROM documents d ORDER BY d.position`).all() as DocumentRow[];
    return rows.map((row) => this.toSummary(row));
  }

  getDocument(id: string): DocumentDetail | undefined {
    const row = this.database.prepare(`SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE d.id = ?`).get(id) as DocumentRow | undefined;
    if (!row) return undefined;
    const passages = this.loadClauses(
      this.database.prepare(`SELECT ${CLAUSE_COLUMNS} FROM clauses WHERE document_id = ? ORDER BY position`).all(id) as ClauseRow[],
    );
    const facts = this.database
      .prepare('SELECT field, value, evidence, source_file AS source FROM document_facts WHERE document_id = ? ORDER BY rowid')
      .all(id) as DocumentDetail['facts'];
    const sections = this.database
      .prepare('SELECT numeral, heading FROM sections WHERE document_id = ? ORDER BY ordinal')
      .all(id) as DocumentDetail['sections'];
    return {
      ...this.toSummary(row),
      facts,
      sections,
      clauses: passages.filter((passage) => passage.kind === 'clause'),
      passages: passages.filter((passage) => passage.kind !== 'clause'),
    };
  }

  getClauses(ids: string[]): StoredClause[] {
    if (ids.length === 0) return [];
    const rows = this.database
      .prepare(`SELECT ${CLAUSE_COLUMNS} FROM clauses WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as ClauseRow[];
    const byId = new Map(this.loadClauses(rows).map((clause) => [clause.id, clause]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  allPassages(): StoredClause[] {
    return this.loadClauses(
      this.database
        .prepare(`SELECT ${CLAUSE_COLUMNS.split(', ').map((column) => `c.${column}`).join(', ')}
                  FROM clauses c JOIN documents d ON d.id = c.document_id ORDER BY d.position, c.position`)
        .all() as ClauseRow[],
    );
  }

  listLibraryFiles(): LibraryFile[] {
    return this.database
      .prepare(`SELECT sha256, file_name AS fileName, format, origin, bytes, added_at AS addedAt, added_by AS addedBy, removed_at AS removedAt, removed_by AS removedBy
                FROM library_files ORDER BY added_at, file_name`)
      .all() as LibraryFile[];
  }

  listCorrespondences(): ClauseCorrespondence[] {
    return this.database
      .prepare(`SELECT k.clause_id AS clauseId, c.document_id AS documentId, k.other_clause_id AS otherClauseId, o.document_id AS otherDocumentId,
                       k.relation, k.score
                FROM clause_correspondences k JOIN clauses c ON c.id = k.clause_id JOIN clauses o ON o.id = k.other_clause_id
                ORDER BY c.document_id, c.position, k.score DESC`)
      .all() as ClauseCorrespondence[];
  }

  stats(): CorpusStats {
    const count = (sql: string) => (this.database.prepare(sql).get() as { n: number }).n;
    const last = this.database.prepare('SELECT summary FROM ingest_runs ORDER BY id DESC LIMIT 1').get() as { summary: string } | undefined;
    return {
      documents: count('SELECT COUNT(*) AS n FROM documents'),
      clauses: count("SELECT COUNT(*) AS n FROM clauses WHERE kind = 'clause'"),
      passages: count("SELECT COUNT(*) AS n FROM clauses WHERE kind <> 'clause'"),
      units: count('SELECT COUNT(*) AS n FROM units'),
      lastIngest: last ? (JSON.parse(last.summary) as IngestRun) : null,
    };
  }

  close(): void {
    this.database.close();
  }

  private toSummary(row: DocumentRow): DocumentSummary {
    const sources = (
      this.database
        .prepare(
          `SELECT s.file_name, s.is_primary, s.sha256, s.warnings, s.format, f.origin, f.added_at, f.added_by FROM sources s
           LEFT JOIN library_files f ON f.sha256 = s.sha256 WHERE s.document_id = ? ORDER BY s.is_primary DESC, s.file_name`,
        )
        .all(row.id) as { file_name: string; is_primary: number; sha256: string; warnings: string; format: DocumentSource['format']; origin: DocumentSource['origin'] | null; added_at: string | null; added_by: string | null }[]
    ).map((source) => ({
      fileName: source.file_name,
      primary: source.is_primary === 1,
      sha256: source.sha256,
      format: source.format,
      origin: source.origin ?? 'seed',
      addedAt: source.added_at,
      addedBy: source.added_by,
      warnings: JSON.parse(source.warnings) as string[],
    }));
    return {
      id: row.id,
      title: row.title,
      titleSimplified: row.title_simplified,
      docNumber: row.doc_number,
      issuer: row.issuer,
      date: row.date,
      level: row.level,
      regionCode: row.region_code,
      placeCode: row.place_code,
      region: row.region,
      regionEn: row.region_en,
      status: row.status,
      sources,
      clauseCount: row.clause_count,
    };
  }

  private loadClauses(rows: ClauseRow[]): StoredClause[] {
    if (rows.length === 0) return [];
    const unitRows = this.database
      .prepare(
        `SELECT cu.clause_id, u.name, u.name_en, cu.role FROM clause_units cu JOIN units u ON u.key = cu.unit_key
         WHERE cu.clause_id IN (SELECT value FROM json_each(?)) ORDER BY cu.clause_id, cu.position`,
      )
      .all(JSON.stringify(rows.map((row) => row.id))) as { clause_id: string; name: string; name_en: string | null; role: StoredUnit['role'] }[];
    const unitsByClause = new Map<string, StoredUnit[]>();
    for (const unit of unitRows) {
      const list = unitsByClause.get(unit.clause_id) ?? [];
      list.push({ name: unit.name, nameEn: unit.name_en, role: unit.role });
      unitsByClause.set(unit.clause_id, list);
    }
    return rows.map((row) => ({
      id: row.id,
      documentId: row.document_id,
      kind: row.kind,
      position: row.position,
      section: row.section_numeral,
      sectionHeading: row.section_heading,
      clause: row.numeral,
      heading: row.heading,
      text: row.text,
      normalizedText: row.normalized_text,
      page: row.page,
      units: unitsByClause.get(row.id) ?? [],
    }));
  }
}

