import Database from 'better-sqlite3';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePolicyFileBrowser, policyPdf } from '../test-support/policy-files.ts';
import { TANGSHAN_PLAN } from '../test-support/sample-policy.ts';
import { SEEDS_DIRECTORY, temporaryDirectory } from '../test-support/seed-files.ts';
import { startServerProcess } from '../test-support/server-process.ts';

const TOKEN = 'crash-test-token-0123456789abcdef';
// The plan's body printed six times over: a longer PDF (30 clauses), so the kill can land mid-parse.
const REPEAT = 6;

/** What the database file holds after a crash: read directly, as the next start will. */
function libraryOnDisk(databasePath: string) {
  const database = new Database(databasePath, { readonly: true });
  try {
    const integrity = database.pragma('integrity_check', { simple: true });
    const documents = (database.prepare('SELECT id FROM documents ORDER BY id').all() as { id: string }[]).map((row) => row.id);
    const tangshanClauses = (database.prepare("SELECT COUNT(*) AS n FROM clauses WHERE document_id IN (SELECT id FROM documents WHERE doc_number = '唐质量发〔2024〕1号') AND kind = 'clause'").get() as { n: number }).n;
    const uploads = (database.prepare("SELECT COUNT(*) AS n FROM library_files WHERE origin = 'upload' AND removed_at IS NULL").get() as { n: number }).n;
    return { integrity, documents, tangshanClauses, uploads };
  } finally {
    database.close();
  }
}

/**
 * kill -9 while an upload is being read, parsed and written: the library is the old one or the new
 * one, whole, every time, and the next start serves exactly what the file holds.
 */
describe('an upload interrupted by kill -9', () => {
  const directory = temporaryDirectory('upload-crash');
  let pdf: Uint8Array;
  beforeAll(async () => {
    cpSync(SEEDS_DIRECTORY, join(directory.path, 'seeds'), { recursive: true });
    pdf = await policyPdf(TANGSHAN_PLAN, { header: '唐山市质量提升行动方案', repeat: REPEAT });
    await closePolicyFileBrowser();
  }, 60_000);
  afterAll(() => directory.remove());

  it('never leaves half a document, a registry entry without its document, or a damaged file', async () => {
    const outcomes: string[] = [];
    for (const delayMs of [5, 60, 200, 600, 1500, 4000]) {
      const server = await startServerProcess(directory.path, { ADMIN_TOKEN: TOKEN });
      const form = new FormData();
      form.append('file', new File([new Uint8Array(pdf)], '唐山方案.pdf'));
      const upload = fetch(`http://127.0.0.1:${server.port}/api/admin/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${TOKEN}` } }).then((response) => response.status, () => 'cut');
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGKILL');
      await exited;
      const answered = await upload;
      const disk = libraryOnDisk(join(directory.path, 'db', 'corpus.sqlite'));
      expect(disk.integrity, `kill after ${delayMs} ms`).toBe('ok');
      const added = disk.documents.length === 5;
      expect(disk.documents.length, `kill after ${delayMs} ms`).toBeGreaterThanOrEqual(4);
      expect(disk.tangshanClauses, `kill after ${delayMs} ms`).toBe(added ? 5 * REPEAT : 0);
      expect(disk.uploads, `kill after ${delayMs} ms`).toBe(added ? 1 : 0);
      // A 201 the client saw was committed.
      if (answered === 201) expect(added).toBe(true);
      outcomes.push(`${delayMs} ms: ${answered}, ${added ? 'added' : 'unchanged'}`);
      if (added) break;
    }
    // The next start serves what the file holds, and answers from it.
    const restarted = await startServerProcess(directory.path, { ADMIN_TOKEN: TOKEN });
    try {
      const documents = (await (await fetch(`http://127.0.0.1:${restarted.port}/api/documents`)).json()) as { documents: { id: string; clauseCount: number }[] };
      const disk = libraryOnDisk(join(directory.path, 'db', 'corpus.sqlite'));
      expect(documents.documents.map((document) => document.id).sort()).toEqual(disk.documents);
      const reply = await fetch(`http://127.0.0.1:${restarted.port}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: '天津提升食品质量水平由哪个部门牵头?' }] }) });
      expect(((await reply.json()) as { answer: string }).answer).toContain('市工业和信息化局');
    } finally {
      await restarted.stop();
    }
    console.info(`upload crash outcomes: ${outcomes.join('; ')}`);
  }, 120_000);
});
