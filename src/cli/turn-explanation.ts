import type { TurnDecision } from '../services/turn-decision.ts';

/** The text npm run search -- --explain prints: the frame, the clauses, the gate and the decision. */
export function explainTurn(turn: TurnDecision, elapsedMs: number): string {
  const { frame, retrieval, decision, gate } = turn;
  const lines: string[] = [];
  const word = (each: (typeof frame.topic.words)[number]) =>
    `${each.written && each.written !== each.word ? `${each.written}→` : ''}${each.word}/${each.tag}${each.seen ? '' : each.specific ? ' (unseen, specific)' : ' (unseen)'}${retrieval.result.scopeUnseen.includes(each.word) ? ' (not in scope)' : ''}`;
  lines.push(`question:  ${frame.original}${frame.followUp ? `\nfollow-up: continues “${frame.followUp.continues}”, carried ${frame.followUp.carried.join(', ') || 'nothing'}` : ''}`);
  lines.push(`language:  ${frame.language}`);
  lines.push(`asks:      ${frame.slots.join(', ')}${frame.yesNo ? ', yes/no' : ''}${frame.count ? ', how many' : ''}${frame.compare ? ', compare' : ''}${frame.measure ? `, measure ${frame.measure}` : ''}   cues: ${frame.cues.map((cue) => `${cue.cue}→${cue.slot}`).join(' ') || '–'}`);
  lines.push(`scope:     ${retrieval.scopeDocumentIds.join(', ') || 'all documents'}${frame.scope.cues.length ? ` (${frame.scope.cues.join(', ')})` : ''}${frame.scope.uncoveredPlace ? `   uncovered place: ${frame.scope.uncoveredPlace}` : ''}`);
  if (frame.years.all.length > 0) lines.push(`years:     ${frame.years.all.join(', ')}${frame.years.deadline.length ? ` (deadline ${frame.years.deadline.join(', ')})` : ''}`);
  if (frame.units.length > 0) lines.push(`units:     ${frame.units.map((unit) => `${unit.mention} → ${Object.entries(unit.byDocument).map(([id, names]) => `${names.join('/')} (${id})`).join(', ')}${unit.exactIn.length > 0 ? '' : ' [near]'}`).join('; ')}`);
  lines.push(`topic:     ${frame.topic.words.map(word).join('  ') || '–'}${frame.topic.frameWords.length ? `   frame words: ${frame.topic.frameWords.join(' ')}` : ''}`);
  if (frame.translation.length > 0) lines.push(`translated: ${frame.translation.map((term) => `${term.english}→${term.chinese} (${term.source})`).join('  ')}`);
  lines.push('', 'clauses:');
  for (const { n, hit } of retrieval.clauses) {
    lines.push(`  [${n}] ${hit.clause.id} ${hit.clause.heading ?? hit.clause.kind}   coverage ${hit.coverage.toFixed(2)}, fused ${hit.score.toFixed(4)}${hit.clause.units.length ? `   units: ${hit.clause.units.map((unit) => (unit.role === 'lead' ? `${unit.name}*` : unit.name)).join('、')}` : ''}`);
  }
  if (gate) {
    lines.push('', `topic gate: ${gate.open ? 'open' : 'closed'}, probability ${gate.probability.toFixed(3)}`);
    lines.push(`  features: ${Object.entries(gate.features).map(([name, value]) => `${name} ${value.toFixed(2)}`).join(', ')}`);
  }
  lines.push('', `decision:  ${decision.outcome === 'answer' ? `answer (${decision.kind}${decision.closestMatch ? ', closest match' : ''})` : `not found (${decision.reason.kind}): ${decision.reason.detail}`}`);
  lines.push(`rule:      ${decision.rule}`);
  if (decision.outcome === 'answer') {
    for (const evidence of decision.evidence) lines.push(`evidence:  [${evidence.clause.n}] ${evidence.clause.hit.clause.id}${evidence.value ? ` value ${evidence.value}` : ''}${evidence.verdict !== undefined ? ` verdict ${evidence.verdict ? 'yes' : 'no'}` : ''}${evidence.quote ? `  “${evidence.quote.slice(0, 80)}${evidence.quote.length > 80 ? '…' : ''}”` : ''}`);
  }
  lines.push('', `${elapsedMs.toFixed(1)} ms`);
  return lines.join('\n');
}
