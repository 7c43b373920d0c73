import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** One line of an eval set (eval/sets/*.jsonl); eval/README.md documents the format. */
export const evalItemSchema = z.object({
  id: z.string().min(1),
  language: z.enum(['zh-Hans', 'zh-Hant', 'en']),
  kind: z.enum([
    'lead', 'responsible', 'unit-check', 'unit-count', 'figure', 'money', 'content', 'date', 'metadata',
    'cross-document', 'mentions', 'unit-tasks', 'notice', 'alignment', 'unanswerable', 'follow-up',
  ]),
  question: z.string().min(1),
  history: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })).optional(),
  gold: z.array(z.string()),
  keys: z.array(z.string()),
  /** Strings a correct answer must not contain: another document's values, the wrong language's wording. */
  forbidden: z.array(z.string()).optional(),
  expectNotFound: z.boolean().optional(),
  /** A yes/no question: the answer must open with this verdict (是/对 or 不是/否; Yes or No). */
  expectYesNo: z.enum(['yes', 'no']).optional(),
  /** A how-many question: the answer must state this number (as digits or Chinese numerals). */
  expectCount: z.number().int().nonnegative().optional(),
  /** any (default): citing one gold clause suffices; all: every gold clause must be cited (lists, comparisons). */
  goldMode: z.enum(['any', 'all']).optional(),
  /** Documents the answer must cite, each at least once, and no others ("which documents mention X?"). */
  goldDocuments: z.array(z.string()).optional(),
});

export type EvalItem = z.infer<typeof evalItemSchema>;

export function loadEvalSet(path: string): EvalItem[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '' && !line.startsWith('//'))
    .map(({ line, number }) => {
      const parsed = evalItemSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${number}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      return parsed.data;
    });
}
