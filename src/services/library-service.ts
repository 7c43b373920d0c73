import { createHash } from 'node:crypto';
import { buildCorpusFromSources, corpusFingerprint, type ParseCache, type SourceText } from '../domain/corpus/corpus-builder.ts';
import type { Corpus, DocumentRecord, RejectedFile } from '../domain/corpus/policy-document.ts';
import type { SeedFile } from '../domain/corpus/seed-file-decoder.ts';
import type { ClauseStore, IngestRun, LibraryFile } from '../domain/ports/clause-store.ts';
import type { DocumentReader, ReadResult, RejectionCode } from '../domain/ports/document-reader.ts';

/**
 * The library: every document built from its source files (the seeds folder's and the uploaded
 * originals, by the hash of their bytes), rebuilt as one corpus on each change and written in one
 * SQLite transaction with the registry change that caused it, so a crash leaves the library as it
 * was. Files are read and parsed once (caches by hash): a change reads only the new file. Changes
 * run one at a time; after each, `onChanged` swaps in the new retrieval before the caller hears back.
 */
export interface SeedSource {
  read(): { files: SeedFile[]; rejected: RejectedFile[] };
}

/** Where uploaded originals are kept, by the hash of their bytes, so a better parser can read them again. */
export interface OriginalFiles {
  put(sha256: string, fileName: string, bytes: Uint8Array): void;
  read(sha256: string, fileName: string): Uint8Array | undefined;
}

export interface LibraryDependencies {
  store: ClauseStore;
  seeds: SeedSource;
  originals: OriginalFiles;
  reader: DocumentReader;
  /** Called after every change the store took, before the change is reported done. */
  onChanged?: (run: IngestRun) => Promise<void>;
  /** How long each change took, re-indexing included (the metrics' ingest duration). */
  onTimed?: (operation: LibraryOperation, ms: number) => void;
}

export type LibraryOperation = 'ingest' | 'preview' | 'add' | 'remove' | 'reindex';

export interface IngestOptions {
  /** Let the new corpus hold fewer documents than the stored one (or none): npm run ingest -- --allow-removals. */
  allowRemovals?: boolean;
  /** Skip the write when the stored corpus was built from the same files by the same parser. */
  onlyIfChanged?: boolean;
  onProgress?: (message: string) => void;
}

export type IngestOutcome = { changed: true; run: IngestRun } | { changed: false; corpusHash: string };

/**
 * The seeds would replace the library with fewer documents (an emptied or half-copied folder, a
 * wrong SEEDS_DIR): nothing is written unless removals are allowed explicitly.
 */
export class IngestRefusedError extends Error {
  override name = 'IngestRefusedError';
  constructor(readonly removed: string[], readonly remaining: number) {
    super(
      `Ingest refused: the seeds folder would remove ${removed.length} of the library's documents (${removed.slice(0, 5).join(', ')}${removed.length > 5 ? ', …' : ''}), ` +
        `leaving ${remaining}. The library was kept as it is. If the removal is meant, run npm run ingest -- --allow-removals.`,
    );
  }
}

/** An uploaded file the library cannot use, with the reason an admin can act on; nothing was stored. */
export class FileRejectedError extends Error {
  override name = 'FileRejectedError';
  constructor(readonly code: RejectionCode | 'no_document', message: string) {
    super(message);
  }
}

export class DocumentNotFoundError extends Error {
  override name = 'DocumentNotFoundError';
}

export interface UploadedFile {
  fileName: string;
  bytes: Uint8Array;
}

/** What a file makes of the library, before or after it is added. */
export interface DocumentChange {
  document: DocumentRecord;
  /** The document already in the library this file is another source of (same 文号 or same text). */
  mergedInto: string | null;
  /** The document this file replaces, when asked to. */
  replaced: string | null;
  warnings: string[];
}

interface ActiveFile {
  file: SeedFile;
  sha256: string;
  origin: LibraryFile['origin'];
}

export class LibraryService {
  private readonly parses: ParseCache = new Map();
  private readonly reads = new Map<string, Extract<ReadResult, { ok: true }>['read']>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dependencies: LibraryDependencies) {}

  /** The seeds folder (and the uploads on record) into the library: at start-up, and npm run ingest. */
  ingest(options: IngestOptions = {}): Promise<IngestOutcome> {
    return this.serially(() => this.rebuild({ ...options }), 'ingest');
  }

  /** What the file would make of the library, without storing anything. */
  preview(upload: UploadedFile, replaces?: string): Promise<DocumentChange> {
    return this.serially(async () => (await this.plan(upload, replaces)).change, 'preview');
  }

  /** Adds the file's document (or merges it into the one it is a copy of, or replaces `replaces`). */
  add(upload: UploadedFile, options: { replaces?: string; by: string }): Promise<DocumentChange & { run: IngestRun }> {
    return this.serially(async () => {
      const { change, corpus, sha256, format, removedSources } = await this.plan(upload, options.replaces);
      await yieldToQuestions();
      const now = new Date().toISOString();
      this.dependencies.originals.put(sha256, upload.fileName, upload.bytes);
      const run = this.dependencies.store.replaceCorpus(corpus, {
        add: [{ sha256, fileName: upload.fileName, format, origin: 'upload', bytes: upload.bytes.length, addedAt: now, addedBy: options.by, removedAt: null, removedBy: null }],
        remove: removedSources.map((source) => ({ sha256: source, by: options.by })),
      });
      await yieldToQuestions();
      await this.dependencies.onChanged?.(run);
      return { ...change, run };
    }, 'add');
  }

  /** Takes a document out of the library: its source files stay on record, no longer read. */
  remove(documentId: string, by: string): Promise<IngestRun> {
    return this.serially(async () => {
      const document = this.dependencies.store.getDocument(documentId);
      if (!document) throw new DocumentNotFoundError(`No document with id "${documentId}". GET /api/documents lists the ids.`);
      const removed = new Set(document.sources.map((source) => source.sha256));
      const { corpus } = await this.assemble({ without: removed });
      await yieldToQuestions();
      const run = this.dependencies.store.replaceCorpus(corpus, { remove: [...removed].map((sha256) => ({ sha256, by })) });
      await yieldToQuestions();
      await this.dependencies.onChanged?.(run);
      return run;
    }, 'remove');
  }

  /** Re-reads and re-parses every file (a better parser): npm run reindex. */
  reindex(options: IngestOptions = {}): Promise<IngestOutcome> {
    return this.serially(() => {
      this.parses.clear();
      this.reads.clear();
      return this.rebuild({ ...options, onlyIfChanged: false });
    }, 'reindex');
  }

  private async rebuild(options: IngestOptions): Promise<IngestOutcome> {
    const progress = options.onProgress ?? (() => {});
    const { active, rejected } = this.activeFiles();
    progress(`read ${active.length} file(s)${rejected.length > 0 ? `, ${rejected.length} unreadable` : ''}`);
    // Compared before parsing: a start on an unchanged library reads and hashes the files, nothing more.
    const fingerprint = corpusFingerprint(active.map((each) => each.file), rejected);
    const { store } = this.dependencies;
    if (options.onlyIfChanged && store.currentCorpusHash() === fingerprint) {
      progress('library unchanged since the last ingest');
      return { changed: false, corpusHash: fingerprint };
    }
    const corpus = await this.corpusOf(active, rejected, fingerprint, progress);
    const kept = new Set(corpus.documents.map((document) => document.id));
    const removed = store.listDocuments().map((document) => document.id).filter((id) => !kept.has(id));
    if (removed.length > 0 && !options.allowRemovals) throw new IngestRefusedError(removed, corpus.documents.length);
    const known = new Set(store.listLibraryFiles().map((file) => file.sha256));
    const now = new Date().toISOString();
    const seeds = active
      .filter((each) => each.origin === 'seed' && !known.has(each.sha256))
      .map((each) => ({ sha256: each.sha256, fileName: each.file.fileName, format: formatOf(each.file.fileName), origin: 'seed' as const, bytes: each.file.bytes.length, addedAt: now, addedBy: null, removedAt: null, removedBy: null }));
    const run = store.replaceCorpus(corpus, { add: seeds });
    progress('database written');
    await this.dependencies.onChanged?.(run);
    return { changed: true, run };
  }

  /** The corpus with the new file in it (and without the replaced document's files), not yet stored. */
  private async plan(upload: UploadedFile, replaces: string | undefined) {
    const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
    const read = await this.readFile(sha256, upload.fileName, upload.bytes);
    if (!read.ok) throw new FileRejectedError(read.code, read.reason);
    const { store } = this.dependencies;
    let removedSources: string[] = [];
    if (replaces !== undefined) {
      const replaced = store.getDocument(replaces);
      if (!replaced) throw new DocumentNotFoundError(`replaces: no document with id "${replaces}". GET /api/documents lists the ids.`);
      removedSources = replaced.sources.map((source) => source.sha256).filter((source) => source !== sha256);
    }
    const before = new Map(store.listDocuments().map((document) => [document.id, document]));
    const { corpus } = await this.assemble({ extra: { file: { fileName: upload.fileName, bytes: upload.bytes }, sha256, origin: 'upload' }, without: new Set(removedSources) });
    const document = corpus.documents.find((each) => each.sources.some((source) => source.sha256 === sha256));
    // A memo or a page without numbered clauses is not a policy document: the seeds keep one as a single passage, an upload is refused.
    if (!document || !document.clauses.some((clause) => clause.kind === 'clause' && clause.numeral !== null)) {
      throw new FileRejectedError('no_document', '文件里没有找到政策文件的章节或条款。请确认上传的是政策文件本身。(No sections or clauses were found in the file: upload the policy document itself.)');
    }
    const earlier = before.get(document.id);
    const mergedInto = earlier && earlier.sources.some((source) => !removedSources.includes(source.sha256) && source.sha256 !== sha256) ? document.id : null;
    const change: DocumentChange = {
      document,
      mergedInto,
      replaced: replaces ?? null,
      warnings: [...read.read.warnings, ...corpus.warnings.filter((warning) => warning.startsWith(`${upload.fileName}:`))],
    };
    return { change, corpus, sha256, format: read.read.format, removedSources };
  }

  /** The corpus of the library's active files, with one more and some fewer. */
  private async assemble(change: { extra?: ActiveFile; without?: Set<string> }): Promise<{ corpus: Corpus }> {
    const { active, rejected } = this.activeFiles();
    const files = active.filter((each) => !change.without?.has(each.sha256) && each.sha256 !== change.extra?.sha256);
    if (change.extra) files.push(change.extra);
    const fingerprint = corpusFingerprint(files.map((each) => each.file), rejected);
    return { corpus: await this.corpusOf(files, rejected, fingerprint, () => {}) };
  }

  private async corpusOf(files: ActiveFile[], rejected: RejectedFile[], fingerprint: string, progress: (message: string) => void): Promise<Corpus> {
    const sources: SourceText[] = [];
    const refused: RejectedFile[] = [...rejected];
    for (const { file, sha256 } of files) {
      const read = await this.readFile(sha256, file.fileName, file.bytes);
      await yieldToQuestions();
      if (!read.ok) refused.push({ fileName: file.fileName, reason: read.reason });
      else sources.push({ fileName: file.fileName, sha256, text: read.read.text, warnings: read.read.warnings, format: read.read.format, ...(read.read.linePages ? { linePages: read.read.linePages } : {}) });
    }
    const corpus = buildCorpusFromSources(sources, refused, fingerprint, this.parses);
    await yieldToQuestions();
    progress(`parsed ${corpus.documents.length} document(s) from ${sources.length} usable file(s)`);
    return corpus;
  }

  private async readFile(sha256: string, fileName: string, bytes: Uint8Array): Promise<ReadResult> {
    const cached = this.reads.get(sha256);
    if (cached) return { ok: true, read: cached };
    const result = await this.dependencies.reader.read({ fileName, bytes });
    if (result.ok) this.reads.set(sha256, result.read);
    return result;
  }

  /** The seeds folder's files and the uploads on record, less those removed. */
  private activeFiles(): { active: ActiveFile[]; rejected: RejectedFile[] } {
    const registry = this.dependencies.store.listLibraryFiles();
    const removed = new Set(registry.filter((file) => file.removedAt !== null).map((file) => file.sha256));
    const { files, rejected } = this.dependencies.seeds.read();
    const active: ActiveFile[] = [];
    const seen = new Set<string>();
    for (const file of files) {
      const sha256 = createHash('sha256').update(file.bytes).digest('hex');
      if (removed.has(sha256) || seen.has(sha256)) continue;
      seen.add(sha256);
      active.push({ file, sha256, origin: 'seed' });
    }
    for (const upload of registry.filter((file) => file.origin === 'upload' && file.removedAt === null && !seen.has(file.sha256))) {
      const bytes = this.dependencies.originals.read(upload.sha256, upload.fileName);
      if (!bytes) {
        rejected.push({ fileName: upload.fileName, reason: 'the uploaded original is missing from UPLOADS_DIR' });
        continue;
      }
      seen.add(upload.sha256);
      active.push({ file: { fileName: upload.fileName, bytes }, sha256: upload.sha256, origin: 'upload' });
    }
    return { active, rejected };
  }

  private serially<T>(work: () => Promise<T>, operation: LibraryOperation): Promise<T> {
    const timed = async () => {
      const started = performance.now();
      try {
        return await work();
      } finally {
        this.dependencies.onTimed?.(operation, performance.now() - started);
      }
    };
    const next = this.queue.then(timed, timed);
    this.queue = next.catch(() => {});
    return next;
  }
}

function formatOf(fileName: string): LibraryFile['format'] {
  const extension = /\.([a-z]+)$/iu.exec(fileName)?.[1]?.toLowerCase();
  return extension === 'pdf' ? 'pdf' : extension === 'docx' ? 'docx' : extension === 'html' || extension === 'htm' ? 'html' : 'txt';
}

/**
 * Lets requests that arrived meanwhile run between the steps of a change (read, parse, write,
 * re-index): each step blocks the event loop, the sum of them need not.
 */
function yieldToQuestions(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
