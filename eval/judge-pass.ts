import { createAnswerBackend } from '../src/app/answer-setup.ts';
import { loadPromptFiles } from '../src/adapters/filesystem/prompt-files.ts';
import type { AppConfig } from '../src/config.ts';
import type { ItemVerdict } from './answer-metrics.ts';

export interface JudgeOutcome {
  skipped: boolean;
  reason?: string;
  judged?: number;
  /** Supported sentences over all judged sentences. */
  faithfulness?: number;
  unsupported?: { id: string; sentences: string[] }[];
}

/** What the judge needs from a model: one prompt in, text out (ChatModelAnswerBackend.complete). */
export interface JudgeModel {
  complete(prompt: string, signal?: AbortSignal): Promise<string>;
}

/**
 * Optional faithfulness pass: an LLM reads each answer with the clauses it cites and counts the
 * sentences they support. Not needed for the deterministic metrics; skipped when no LLM is set.
 */
export async function runJudge(config: AppConfig, verdicts: ItemVerdict[], model?: JudgeModel): Promise<JudgeOutcome> {
  const judge = model ?? createAnswerBackend(config.answer);
  if (!('complete' in judge)) return { skipped: true, reason: 'no LLM configured (set ANSWER_BACKEND, LLM_MODEL and LLM_BASE_URL or LLM_API_KEY to judge)' };
  return judgeWith(judge, verdicts, loadPromptFiles(config.answer.promptsDirectory).judge);
}

export async function judgeWith(model: JudgeModel, verdicts: ItemVerdict[], template: { render(values: { question: string; answer: string; clauses: string }): string }): Promise<JudgeOutcome> {
  let supported = 0;
  let total = 0;
  let judged = 0;
  const unsupported: JudgeOutcome['unsupported'] = [];
  const failures: string[] = [];
  for (const verdict of verdicts) {
    const reply = verdict.reply;
    if (!reply || reply.notFound || reply.citations.length === 0) continue;
    const clauses = reply.citations.map((citation) => `[${citation.n ?? '?'}] ${citation.text ?? citation.clauseId}`).join('\n\n');
    try {
      const raw = await model.complete(template.render({ question: verdict.item.question, answer: reply.answer, clauses }), AbortSignal.timeout(120_000));
      const parsed = parseJudgement(raw);
      supported += parsed.supported;
      total += parsed.total;
      judged += 1;
      if (parsed.unsupported.length > 0) unsupported.push({ id: verdict.item.id, sentences: parsed.unsupported });
    } catch (error) {
      failures.push(`${verdict.item.id}: ${(error as Error).message}`);
    }
  }
  if (judged === 0) return { skipped: true, reason: failures[0] ?? 'no answered items to judge' };
  return { skipped: false, judged, faithfulness: total === 0 ? 1 : supported / total, unsupported };
}

/** The judge replies with JSON, sometimes wrapped in prose or a code fence. */
export function parseJudgement(raw: string): { supported: number; total: number; unsupported: string[] } {
  const json = /\{[\s\S]*\}/u.exec(raw)?.[0];
  if (!json) throw new Error('the judge did not reply with JSON');
  const value = JSON.parse(json) as { supported?: unknown; total?: unknown; unsupported?: unknown };
  const supported = Number(value.supported);
  const total = Number(value.total);
  if (!Number.isFinite(supported) || !Number.isFinite(total) || supported < 0 || supported > total) throw new Error(`the judge replied with impossible counts: ${json.slice(0, 100)}`);
  return { supported, total, unsupported: Array.isArray(value.unsupported) ? value.unsupported.map(String) : [] };
}
