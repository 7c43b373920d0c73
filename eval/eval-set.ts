import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** One line of an eval set (eval/sets/*.jsonl); eval/README.md documents the format. */
export const evalItemSchema = z.object({
  id: z.string().min(1),
  language: z.enum(['zh-Hans', 'zh-Hant', 'en']),
  kind: z.enum(['lead', 'responsible', 'figure', 'money', 'content', 'date', 'metadata', 'cross-document', 'unanswerable', 'follow-up']),
  question: z.string().min(1),
  history: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })).optional(),
  gold: z.array(z.string()),
  keys: z.array(z.string()),
  /** Strings a correct answer must not contain: another document's values, the wrong language's wording. */
  forbidden: z.array(z.string()).optional(),
  expectNotFound: z.boolean().optional(),
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
