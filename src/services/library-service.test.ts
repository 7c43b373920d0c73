import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSeedDirectory } from '../adapters/filesystem/seed-directory.ts';
import { openDatabase } from '../adapters/sqlite/open-database.ts';
import { SqliteClauseStore } from '../adapters/sqlite/sqlite-clause-store.ts';
import { SEEDS_DIRECTORY, temporaryDirectory } from '../test-support/seed-files.ts';
import { FileDocumentReader } from '../adapters/formats/document-readers.ts';
import { OriginalFileDirectory } from '../adapters/filesystem/original-files.ts';
import { IngestRefusedError, LibraryService, type SeedSource } from './library-service.ts';
import { buildRetriever } from './retrieval-service.ts';

const MAX_BYTES = 256 * 1024;

describe('the library over a real seeds folder and database file', () => {
  let directory: ReturnType<typeof temporaryDirectory>;
  let seedsPath: string;
  let store: SqliteClauseStore;
  let seeds: SeedSource;
  let library: LibraryService;
  const ingest = (options: Parameters<LibraryService['ingest']>[0] = {}) => library.ingest(options);

  beforeEach(() => {
    directory = temporaryDirectory('ingest');
    seedsPath = join(directory.path, 'seeds');
    store = new SqliteClauseStore(openDatabase(join(directory.path, 'corpus.sqlite')));
    seeds = { read: () => readSeedDirectory(seedsPath, MAX_BYTES) };
    library = new LibraryService({ store, seeds, originals: new OriginalFileDirectory(join(directory.path, 'uploads')), reader: new FileDocumentReader(MAX_BYTES) });
    mkdirSync(seedsPath);
    for (const name of readdirSync(SEEDS_DIRECTORY)) copyFileSync(join(SEEDS_DIRECTORY, name), join(seedsPath, name));
  });
  afterEach(() => {
    store.close();
    directory.remove();
  });

  it('ingests the seeds and skips the write when nothing changed', async () => {
    const first = await ingest({ onlyIfChanged: true });
    expect(first).toMatchObject({ changed: true, run: { documents: 4, clauses: 99, duplicatesMerged: 1 } });
    expect(await ingest({ onlyIfChanged: true })).toMatchObject({ changed: false });
  });

  it('ingests the rest when files are empty, binary, oversized or unstructured', async () => {
    writeFileSync(join(seedsPath, 'empty.txt'), '');
    writeFileSync(join(seedsPath, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    writeFileSync(join(seedsPath, 'huge.txt'), '质量'.repeat(MAX_BYTES));
    writeFileSync(join(seedsPath, 'memo.txt'), '关于质量工作的说明\n本说明没有章节编号，只是一段文字。\n请各单位参照执行。');
    writeFileSync(join(seedsPath, 'notes.md'), '# not a seed');
    const progress: string[] = [];
    const outcome = await ingest({ onProgress: (message) => progress.push(message) });
    if (!outcome.changed) throw new Error('expected a write');
    expect(outcome.run.rejected.map((file) => file.fileName).sort()).toEqual(['empty.txt', 'huge.txt', 'image.txt']);
    expect(outcome.run.rejected.find((file) => file.fileName === 'huge.txt')!.reason).toMatch(/over the 256 KiB limit \(MAX_SEED_FILE_BYTES\)/u);
    expect(outcome.run.warnings).toContainEqual(expect.stringMatching(/^memo\.txt: no sections or numbered clauses found/u));
    expect(progress.length).toBeGreaterThan(1);

    const documents = store.listDocuments();
    expect(documents).toHaveLength(5);
    const memo = documents.find((document) => document.sources.some((source) => source.fileName === 'memo.txt'))!;
    expect(memo.clauseCount).toBe(1);
    expect(store.getDocument(memo.id)!.clauses[0]!.text).toBe('本说明没有章节编号，只是一段文字。\n请各单位参照执行。');
    expect(documents.filter((document) => document.id.startsWith('tj-') || document.id.startsWith('cn-') || document.id.startsWith('sw-'))).toHaveLength(4);
  });

  it('picks up a new file on the next ingest', async () => {
    await ingest();
    writeFileSync(
      join(seedsPath, 'new-plan.txt'),
      '汕尾市某某工作方案\n一、主要任务\n（一）加强计量工作。推进计量体系建设。【市市场监管局、市科技局按职责分工负责】\n汕尾市市场监督管理局\n2024年3月1日',
    );
    const outcome = await ingest({ onlyIfChanged: true });
    expect(outcome.changed).toBe(true);
    const added = store.getDocument('sw-2024-0301')!;
    expect(added.clauses.map((clause) => [clause.id, clause.units.map((unit) => unit.name)])).toEqual([
      ['sw-2024-0301:1.1', ['市市场监管局', '市科技局']],
    ]);
  });

  it('never replaces the library with an empty or smaller one without --allow-removals', async () => {
    await ingest();
    for (const name of readdirSync(seedsPath)) rmSync(join(seedsPath, name));
    await expect(ingest({ onlyIfChanged: true })).rejects.toThrow(IngestRefusedError);
    await expect(ingest()).rejects.toThrow(/would remove 4 of the library's documents .*leaving 0.*npm run ingest -- --allow-removals/u);
    expect(store.listDocuments()).toHaveLength(4);
    // One file of four documents gone: refused as well, naming the document.
    for (const name of readdirSync(SEEDS_DIRECTORY)) copyFileSync(join(SEEDS_DIRECTORY, name), join(seedsPath, name));
    rmSync(join(seedsPath, '001_bb724730faedad2f.txt'));
    await expect(ingest()).rejects.toThrow(/remove 1 .*\(tj-2014-22\)/u);
    expect(store.listDocuments()).toHaveLength(4);
    const allowed = await ingest({ allowRemovals: true });
    expect(allowed).toMatchObject({ changed: true, run: { documents: 3 } });
  });

  it('checks an unchanged folder without parsing it: the fingerprint of names and bytes decides', async () => {
    await ingest();
    const progress: string[] = [];
    expect(await ingest({ onlyIfChanged: true, onProgress: (message) => progress.push(message) })).toMatchObject({ changed: false });
    expect(progress.some((message) => message.startsWith('parsed'))).toBe(false);
    // One byte changed in one file is a changed corpus.
    const file = join(seedsPath, '001_bb724730faedad2f.txt');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
    expect(await ingest({ onlyIfChanged: true })).toMatchObject({ changed: true });
  });

  it('ingests unit names no dictionary line can hold, and the next start still builds retrieval over them', async () => {
    writeFileSync(
      join(seedsPath, 'hostile.txt'),
      '汕尾市技术性贸易措施工作方案\n一、主要任务\n（一）加强WTO通报咨询。建立通报预警机制。【市WTO TBT通报咨询中心、市\t检测中心、😀质量局、12345按职责分工负责】\n汕尾市市场监督管理局\n2024年5月1日',
    );
    await ingest();
    const clause = store.getDocument('sw-2024-0501')!.clauses[0]!;
    expect(clause.units.map((unit) => unit.name)).toContain('市WTO TBT通报咨询中心');
    const { search } = await buildRetriever(store, { tokenizerMode: 'jieba+bigram' });
    expect((await search('WTO通报咨询由谁牵头?')).hits[0]!.clause.id).toBe('sw-2024-0501:1.1');
  });
});
