import type Database from 'better-sqlite3';

/**
 * Schema versions, applied in order and recorded in PRAGMA user_version. A migration is never
 * edited once released; a change is a new entry.
 */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    title_simplified TEXT NOT NULL,
    normalized_title TEXT NOT NULL,
    doc_number TEXT,
    issuer TEXT,
    date TEXT,
    level TEXT NOT NULL,
    region_code TEXT NOT NULL,
    region TEXT NOT NULL,
    region_en TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('in-force', 'draft'))
  );
  CREATE TABLE sources (
    file_name TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    is_primary INTEGER NOT NULL CHECK (is_primary IN (0, 1)),
    script TEXT NOT NULL,
    removed_lines INTEGER NOT NULL,
    pinyin_annotations_removed INTEGER NOT NULL,
    warnings TEXT NOT NULL
  );
  CREATE TABLE document_facts (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    evidence TEXT NOT NULL,
    source_file TEXT NOT NULL,
    line_number INTEGER NOT NULL
  );
  CREATE TABLE sections (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    numeral TEXT NOT NULL,
    heading TEXT NOT NULL,
    normalized_heading TEXT NOT NULL,
    PRIMARY KEY (document_id, ordinal)
  );
  CREATE TABLE clauses (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('notice', 'preamble', 'section-text', 'clause', 'closing', 'signature')),
    position INTEGER NOT NULL,
    section_numeral TEXT,
    section_heading TEXT,
    numeral TEXT,
    heading TEXT,
    text TEXT NOT NULL,
    normalized_text TEXT NOT NULL,
    responsibility TEXT,
    source_line INTEGER NOT NULL,
    UNIQUE (document_id, position)
  );
  CREATE TABLE units (
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    region_code TEXT NOT NULL,
    name_en TEXT
  );
  CREATE TABLE clause_units (
    clause_id TEXT NOT NULL REFERENCES clauses(id) ON DELETE CASCADE,
    unit_key TEXT NOT NULL REFERENCES units(key),
    position INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('lead', 'co')),
    PRIMARY KEY (clause_id, position)
  );
  CREATE INDEX clause_units_by_unit ON clause_units(unit_key);
  CREATE TABLE ingest_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    finished_at TEXT NOT NULL,
    corpus_hash TEXT NOT NULL,
    summary TEXT NOT NULL
  );
  `,
  `
  CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
  );
  CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    content TEXT NOT NULL,
    not_found INTEGER CHECK (not_found IN (0, 1)),
    backend TEXT,
    warnings TEXT NOT NULL DEFAULT '[]',
    timings TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    UNIQUE (conversation_id, position)
  );
  -- No foreign key to clauses: a re-ingest replaces the clauses, the record of what was cited stays.
  CREATE TABLE message_citations (
    message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    clause_id TEXT NOT NULL,
    document_id TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('cited', 'related')),
    PRIMARY KEY (message_id, role, n)
  );
  CREATE TABLE feedback (
    message_id TEXT PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT,
    updated_at TEXT NOT NULL
  );
  `,
  // The gazetteer place of each document (which places the library covers), and why each answer
  // took the form it did: its answer kind, and for a not-found answer the typed reason.
  `
  ALTER TABLE documents ADD COLUMN place_code TEXT;
  ALTER TABLE messages ADD COLUMN answer_kind TEXT;
  ALTER TABLE messages ADD COLUMN not_found_reason TEXT;
  `,
  // Which clause takes up which clause of another document (a local plan's clause and the national
  // clause it implements), computed at ingest; both ends are clauses of the stored corpus.
  `
  CREATE TABLE clause_correspondences (
    clause_id TEXT NOT NULL REFERENCES clauses(id) ON DELETE CASCADE,
    other_clause_id TEXT NOT NULL REFERENCES clauses(id) ON DELETE CASCADE,
    relation TEXT NOT NULL CHECK (relation IN ('implements', 'corresponds', 'nearest')),
    score REAL NOT NULL,
    PRIMARY KEY (clause_id, other_clause_id)
  );
  CREATE INDEX clause_correspondences_other ON clause_correspondences (other_clause_id);
  `,
  // Documents in every format: the page a PDF clause starts on, each source's format, and the
  // registry of library files (seeded or uploaded, by the hash of their bytes; a removed file stays
  // listed with who removed it and when, and is no longer read).
  `
  ALTER TABLE clauses ADD COLUMN page INTEGER;
  ALTER TABLE sources ADD COLUMN format TEXT NOT NULL DEFAULT 'txt';
  CREATE TABLE library_files (
    sha256 TEXT PRIMARY KEY,
    file_name TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('pdf', 'docx', 'html', 'txt')),
    origin TEXT NOT NULL CHECK (origin IN ('seed', 'upload')),
    bytes INTEGER NOT NULL,
    added_at TEXT NOT NULL,
    added_by TEXT,
    removed_at TEXT,
    removed_by TEXT
  );
  `,
  // What each cited clause said when it was cited, so a conversation keeps its sources after the
  // document is removed or replaced; feedback listed newest first for the admin page.
  `
  ALTER TABLE message_citations ADD COLUMN snapshot TEXT;
  CREATE INDEX feedback_updated ON feedback (updated_at);
  `,
  // A browser's conversation list: the owner is the hash of the browser's anonymous id (never the id
  // itself), the channel keeps an embed's conversations apart from the page's; titles can be renamed.
  `
  ALTER TABLE conversations ADD COLUMN owner TEXT;
  ALTER TABLE conversations ADD COLUMN channel TEXT;
  ALTER TABLE conversations ADD COLUMN title TEXT;
  ALTER TABLE conversations ADD COLUMN updated_at TEXT;
  CREATE INDEX conversations_owner ON conversations (owner, channel, updated_at);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function migrate(database: Database.Database): void {
  const current = database.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `The database has schema version ${current}, newer than this program knows (${MIGRATIONS.length}). ` +
        'Run a newer version of policy-qa, or point DATABASE_PATH at a new file.',
    );
  }
  MIGRATIONS.slice(current).forEach((sql, offset) => {
    database.transaction(() => {
      database.exec(sql);
      database.pragma(`user_version = ${current + offset + 1}`);
    })();
  });
}
