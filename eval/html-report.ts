import type { AnswerMetrics, AnswerSummary, ItemVerdict, ObservedReply } from './answer-metrics.ts';

/** A self-contained page: no scripts, every value escaped, readable offline. */
export function renderHtmlReport(title: string, summary: AnswerSummary, verdicts: ItemVerdict[]): string {
  const bars = (groups: Record<string, AnswerMetrics>) =>
    Object.entries(groups)
      .map(([name, metrics]) => `<div class="bar"><span class="label">${escape(name)} (${metrics.count})</span><span class="track"><span class="fill" style="width:${(metrics.correct * 100).toFixed(1)}%"></span></span><span class="value">${percent(metrics.correct)}</span></div>`)
      .join('\n');
  const rows = verdicts
    .map((verdict) => {
      const reply = verdict.reply;
      const outcome = verdict.correct ? 'pass' : 'fail';
      const why = verdict.correct ? '' : reasons(verdict).map(escape).join('<br>');
      return `<tr class="${outcome}"><td>${escape(verdict.item.id)}</td><td>${escape(verdict.item.language)}</td><td>${escape(verdict.item.kind)}</td>
<td>${(verdict.item.history ?? []).map((turn) => `<div class="history">${escape(turn.role)}: ${escape(turn.content)}</div>`).join('')}${escape(verdict.item.question)}</td>
<td><pre>${escape(reply?.answer ?? verdict.error ?? '')}</pre></td><td>${escape(verdict.cited.join(' ') || (reply?.notFound ? 'not found' : '–'))}</td>
<td>${escape(verdict.item.gold.join(' ') || 'not found')}</td><td>${outcome}${why ? `<br><small>${why}</small>` : ''}</td><td>${verdict.latencyMs.toFixed(1)}</td></tr>`;
    })
    .join('\n');
  const overall = summary.overall;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1d232b}h1{font-size:20px}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #dde2e8;padding:6px;vertical-align:top;text-align:left}pre{white-space:pre-wrap;margin:0;font:inherit}
tr.fail{background:#fff1f0}.history{color:#68717d}.bar{display:flex;align-items:center;gap:8px;margin:3px 0}.label{width:220px}
.track{flex:0 0 320px;height:12px;background:#e8ecf1;border-radius:6px;overflow:hidden}.fill{display:block;height:100%;background:#2f7d4f}
.figures span{display:inline-block;margin-right:18px}
</style></head><body>
<h1>${escape(title)}</h1>
<p class="figures"><span>correct <b>${percent(overall.correct)}</b></span><span>key strings ${percent(overall.keyAccuracy)}</span>
<span>not-found accuracy ${overall.notFoundAccuracy === null ? '–' : percent(overall.notFoundAccuracy)}</span><span>false not-found ${overall.falseNotFound === null ? '–' : percent(overall.falseNotFound)}</span>
<span>citation precision ${percent(overall.citationPrecision)} / recall ${percent(overall.citationRecall)}</span>
<span>recall@1 ${percent(overall.retrieval.recallAt1)}, @5 ${percent(overall.retrieval.recallAt5)}, MRR ${overall.retrieval.mrr.toFixed(3)}</span>
<span>latency p50 ${overall.latencyP50.toFixed(1)} ms, p95 ${overall.latencyP95.toFixed(1)} ms</span></p>
<h2>Correct by language</h2>${bars(summary.byLanguage)}
<h2>Correct by kind</h2>${bars(summary.byKind)}
<h2>Items</h2>
<table><thead><tr><th>id</th><th>lang</th><th>kind</th><th>question</th><th>answer</th><th>cited</th><th>gold</th><th>result</th><th>ms</th></tr></thead>
<tbody>${rows}</tbody></table></body></html>
`;
}

export function reasons(verdict: ItemVerdict): string[] {
  if (verdict.error) return [`error: ${verdict.error}`];
  const reply = verdict.reply!;
  if (!verdict.answerable) return reply.notFound ? [] : [`answered (${reply.answerKind ?? 'answer'}), but the documents do not cover this`];
  if (reply.notFound) return [`said not found (${describeReason(reply.notFoundReason)})`];
  const list: string[] = [];
  if (!verdict.citedGold) list.push(`${verdict.item.goldMode === 'all' ? 'not every gold clause' : 'gold clause not'} cited (cited ${verdict.cited.join(' ') || 'nothing'})`);
  if (verdict.item.expectYesNo && verdict.yesNo !== verdict.item.expectYesNo) list.push(`should open with ${verdict.item.expectYesNo}, opens with ${verdict.yesNo ?? 'neither'}`);
  if (verdict.countStated === false) list.push(`does not state the count ${verdict.item.expectCount}`);
  if (verdict.documentsMissing.length > 0) list.push(`documents not cited: ${verdict.documentsMissing.join(', ')}`);
  if (verdict.documentsExtra.length > 0) list.push(`documents cited that do not mention it: ${verdict.documentsExtra.join(', ')}`);
  if (verdict.missingKeys.length > 0) list.push(`missing ${verdict.missingKeys.join(', ')}`);
  if (verdict.forbiddenFound.length > 0) list.push(`should not say ${verdict.forbiddenFound.join(', ')}`);
  return list;
}

function describeReason(reason: ObservedReply['notFoundReason']): string {
  if (!reason) return 'no reason given';
  return reason.detail ? `${reason.kind}: ${reason.detail}` : reason.kind;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/gu, (character) => `&#${character.charCodeAt(0)};`);
}
