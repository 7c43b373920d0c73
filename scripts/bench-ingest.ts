/**
 * npm run bench:ingest [-- --sizes 25,100,400,1000]
 * Ingest time against the number of seed files (scripts/synthetic-seeds.ts), each size in its own
 * process: a first ingest into a new SQLite file, then a start on the unchanged folder (what every
 * restart pays), with the growth per doubling of the file count (1.0 is linear, 2.0 quadratic).
 */
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readSeedDirectory } from '../src/adapters/filesystem/seed-directory.ts';
import { openDatabase } from '../src/adapters/sqlite/open-database.ts';
import { SqliteClauseStore } from '../src/adapters/sqlite/sqlite-clause-store.ts';
import { FileDocumentReader } from '../src/adapters/formats/document-readers.ts';
import { OriginalFileDirectory } from '../src/adapters/filesystem/original-files.ts';
import { LibraryService } from '../src/services/library-service.ts';
import { runEachSizeInChild } from './bench-support.ts';
import { writeSyntheticSeeds } from './synthetic-seeds.ts';

const SEEDS = fileURLToPath(new URL('../seeds/', import.meta.url));
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const { values } = parseArgs({ options: { sizes: { type: 'string', default: '25,100,400,1000' }, child: { type: 'string' } } });

if (values.child) {
  const count = Number(values.child);
  const directory = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  try {
    const seeds = join(directory, 'seeds');
    mkdirSync(seeds);
    writeSyntheticSeeds(SEEDS, seeds, count);
    const store = new SqliteClauseStore(openDatabase(join(directory, 'corpus.sqlite')));
    const source = { read: () => readSeedDirectory(seeds, MAX_FILE_BYTES) };
    const library = () => new LibraryService({ store, seeds: source, originals: new OriginalFileDirectory(join(directory, 'uploads')), reader: new FileDocumentReader(MAX_FILE_BYTES) });
    let begin = performance.now();
    const first = await library().ingest({ onlyIfChanged: true });
    const firstSeconds = (performance.now() - begin) / 1000;
    // A restart: a new process, nothing cached.
    begin = performance.now();
    const again = await library().ingest({ onlyIfChanged: true });
    const againSeconds = (performance.now() - begin) / 1000;
    store.close();
    if (!first.changed || again.changed) throw new Error('the unchanged folder was ingested again');
    console.log(JSON.stringify({
      files: String(count), documents: String(first.run.documents), 'duplicates merged': String(first.run.duplicatesMerged), clauses: String(first.run.clauses),
      'first ingest s': firstSeconds.toFixed(2), 'unchanged start s': againSeconds.toFixed(2), 'RSS MiB': String(Math.round(process.memoryUsage().rss / 2 ** 20)),
    }));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
} else {
  const sizes = values.sizes.split(',').map(Number);
  console.log(`Ingest of synthetic seed folders (${sizes.join(', ')} files); growth per doubling: log2(time ratio) / log2(size ratio)\n`);
  // log2(time ratio) / log2(size ratio) from one size to the next: 1.0 is linear, 2.0 quadratic.
  runEachSizeInChild(fileURLToPath(import.meta.url), sizes, [], (rows) =>
    rows.map((row, index) => {
      const previous = rows[index - 1];
      const growth = previous ? Math.log2(Number(row['first ingest s']) / Number(previous['first ingest s'])) / Math.log2(Number(row.files) / Number(previous.files)) : NaN;
      return { ...row, 'growth per doubling': Number.isNaN(growth) ? '–' : growth.toFixed(2) };
    }));
}
