import { spawnSync } from 'node:child_process';
import { percentile, printTable } from '../eval/report-table.ts';

/**
 * Runs `script --child SIZE …` once per corpus size, each in its own process so that peak memory
 * belongs to that size alone, and prints the rows each child wrote as its last line of JSON.
 */
export function runEachSizeInChild(script: string, sizes: number[], childArguments: string[], derive: (rows: Record<string, string>[]) => Record<string, string>[] = (rows) => rows): void {
  const rows: Record<string, string>[] = [];
  for (const size of sizes) {
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, '--child', String(size), ...childArguments], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (run.status !== 0) throw new Error(`size ${size} failed:\n${run.stderr}`);
    rows.push(...[JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, string> | Record<string, string>[]].flat());
  }
  const derived = derive(rows);
  const columns = Object.keys(derived[0]!);
  printTable(columns, derived.map((row) => columns.map((column) => row[column]!)));
}

/** Calls `query` on every input, `rounds` times over, and reports "p50 / p95" in milliseconds. */
export async function latency<T>(inputs: T[], rounds: number, query: (input: T) => unknown): Promise<string> {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const input of inputs) {
      const begin = performance.now();
      await query(input);
      samples.push(performance.now() - begin);
    }
  }
  samples.sort((left, right) => left - right);
  return `${percentile(samples, 0.5).toFixed(2)} / ${percentile(samples, 0.95).toFixed(2)}`;
}

/**
 * The JavaScript heap, typed arrays and the process's resident memory after full collections, in
 * MiB (needs --expose-gc, which the children get). Typed arrays' memory is released by a background
 * thread after the collection that finds them dead, so it waits for that before reading.
 */
export async function retainedMemory(): Promise<{ heap: string; external: string; rss: string }> {
  const collect = (globalThis as { gc?: () => void }).gc;
  for (let round = 0; round < 3; round += 1) {
    collect?.();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const usage = process.memoryUsage();
  const mebibytes = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  return { heap: mebibytes(usage.heapUsed), external: mebibytes(usage.external), rss: mebibytes(usage.rss) };
}

/** The most resident memory the process has held so far, in MiB. */
export function peakResidentMiB(): string {
  return (process.resourceUsage().maxRSS / 1024).toFixed(0);
}
