import type { AppConfig } from '../src/config.ts';
import type { AnswerBackend } from '../src/domain/ports/answer-backend.ts';
import type { ItemVerdict } from './answer-metrics.ts';

export interface JudgeOutcome {
  skipped: boolean;
  reason?: string;
  judged?: number;
  faithfulness?: number;
}

/** Placeholder replaced below once the LLM adapters exist. */
export async function runJudge(config: AppConfig, _verdicts: ItemVerdict[], _backend: AnswerBackend | undefined): Promise<JudgeOutcome> {
  if (config.answer.backend === 'extractive') return { skipped: true, reason: 'no LLM configured (ANSWER_BACKEND=extractive)' };
  return { skipped: true, reason: 'judge not available' };
}
