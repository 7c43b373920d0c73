import type { AnswerMetrics, AnswerSummary } from './answer-metrics.ts';

/** The committed summary a change is measured against (eval/baseline.json). */
export interface Baseline {
  set: string;
  mode: string;
  /** Correct rate per language and per kind; the overall figures are in `overall`. */
  byLanguage: Record<string, number>;
  byKind: Record<string, number>;
  overall: AnswerMetrics;
}

export interface Comparison {
  passed: boolean;
  lines: string[];
  verdict: string;
}

/** Fails when the overall correct rate falls more than maxDrop (a fraction: 0.02 = 2 points) below the baseline. */
export function compareWithBaseline(baseline: Baseline, summary: AnswerSummary, setName: string, maxDrop: number): Comparison {
  const lines: string[] = [`compared with eval/baseline.json (${baseline.set}, ${baseline.mode}):`];
  const delta = (before: number | undefined, after: number | undefined) => {
    if (before === undefined || after === undefined) return 'new';
    const points = (after - before) * 100;
    return `${points >= 0 ? '+' : ''}${points.toFixed(1)} pt`;
  };
  const before = baseline.overall.correct;
  lines.push(`  correct  ${(before * 100).toFixed(1)}% → ${(summary.overall.correct * 100).toFixed(1)}%  (${delta(before, summary.overall.correct)})`);
  for (const [label, groupsBefore, groupsAfter] of [
    ['language', baseline.byLanguage, summary.byLanguage],
    ['kind', baseline.byKind, summary.byKind],
  ] as const) {
    for (const group of new Set([...Object.keys(groupsBefore), ...Object.keys(groupsAfter)])) {
      lines.push(`  ${label} ${group.padEnd(15)} ${delta(groupsBefore[group], groupsAfter[group]?.correct)}`);
    }
  }
  if (baseline.set !== setName) {
    return { passed: false, lines, verdict: `The baseline was measured on ${baseline.set}, not ${setName}; compare like with like.` };
  }
  const drop = before - summary.overall.correct;
  const passed = drop <= maxDrop + 1e-9;
  const verdict = passed
    ? `OK: correct rate within ${(maxDrop * 100).toFixed(0)} points of the baseline.`
    : `FAIL: correct rate dropped ${(drop * 100).toFixed(1)} points below the baseline (allowed ${(maxDrop * 100).toFixed(0)}). Fix the regression, or if the change is intended, run npm run eval -- --write-baseline and commit eval/baseline.json.`;
  return { passed, lines, verdict };
}
