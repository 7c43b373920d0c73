/**
 * npm run fit:gate [-- --dry-run]
 * Fits the topic gate (src/domain/answer/topic-gate.ts) on questions generated from the corpus
 * (scripts/gate/question-generator.ts), read and retrieved for by the real pipeline, and writes its
 * weights, threshold and what they were fitted on into src/domain/answer-policy.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCedictEntries } from './dictionary/cedict-entries.ts';
import { englishChineseDictionary } from '../src/adapters/dictionary/english-chinese-dictionary.ts';
import { FEATURE_NAMES, gateFeatures, gateProbability, type GateFeatures, type GateModel } from '../src/domain/answer/topic-gate.ts';
import { POLICY } from '../src/domain/answer-policy.ts';
import { Gazetteer } from '../src/domain/places/gazetteer.ts';
import { buildRetriever } from '../src/services/retrieval-service.ts';
import { seedStore } from '../eval/seed-store.ts';
import { fitLogistic } from './gate/logistic-regression.ts';
import { generateQuestions, type GeneratedQuestion } from './gate/question-generator.ts';
import { printTable } from '../eval/report-table.ts';

const POLICY_PATH = fileURLToPath(new URL('../src/domain/answer-policy.json', import.meta.url));
const SEED = 20261201;
// A wrong "not covered" is the worst answer: it counts twice a wrong answer when the threshold is chosen.
const FALSE_NOT_FOUND_COST = 2;
// Enough penalty that correlated features (fit and topic size) do not trade large opposite weights.
const L2 = 0.5;

const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false } } });
const store = seedStore();
const components = await buildRetriever(store, { tokenizerMode: 'jieba+bigram', dictionary: englishChineseDictionary() });
const questions = generateQuestions({ catalog: components.catalog, segmenter: components.segmenter, vocabulary: components.vocabulary, gazetteer: Gazetteer.standard(), cedict: loadCedictEntries(), dictionary: englishChineseDictionary(), seed: SEED });

interface Row {
  question: GeneratedQuestion;
  features: GateFeatures;
}
const rows: Row[] = [];
for (const question of questions) {
  const frame = components.analyzer.read(question.question);
  if (frame.scope.uncoveredPlace) continue;
  const result = await components.retriever.retrieve(frame, { limit: 5 });
  rows.push({ question, features: gateFeatures(frame, result.hits.map((hit, index) => ({ n: index + 1, hit })), result) });
}

// Every fifth question is held out, to choose the threshold and report on questions not fitted on.
const train = rows.filter((_, index) => index % 5 !== 0);
const heldOut = rows.filter((_, index) => index % 5 === 0);
const vector = (features: GateFeatures) => FEATURE_NAMES.map((name) => features[name]);
const positives = train.filter((row) => row.question.answerable).length;
const balance = (row: Row) => (row.question.answerable ? train.length / (2 * positives) : train.length / (2 * (train.length - positives)));
const fit = fitLogistic(train.map((row) => vector(row.features)), train.map((row) => (row.question.answerable ? 1 : 0)), { l2: L2, sampleWeights: train.map(balance) });
const weights = Object.fromEntries(FEATURE_NAMES.map((name, index) => [name, round(fit.weights[index]!)])) as GateModel['weights'];

const rates = (model: GateModel, set: Row[]) => {
  const answerable = set.filter((row) => row.question.answerable);
  const unanswerable = set.filter((row) => !row.question.answerable);
  const open = (row: Row) => gateProbability(row.features, model) >= model.threshold;
  const falseNotFound = answerable.filter((row) => !open(row)).length / Math.max(1, answerable.length);
  const falseAnswer = unanswerable.filter(open).length / Math.max(1, unanswerable.length);
  return { falseNotFound, falseAnswer, cost: FALSE_NOT_FOUND_COST * falseNotFound + falseAnswer };
};
let best: GateModel = { weights, bias: round(fit.bias), threshold: 0.5 };
for (let threshold = 0.05; threshold <= 0.95 + 1e-9; threshold += 0.025) {
  const candidate = { ...best, threshold: round(threshold) };
  if (rates(candidate, heldOut).cost < rates(best, heldOut).cost - 1e-9) best = candidate;
}

const before = rates(POLICY.gate, heldOut);
const after = rates(best, heldOut);
const count = (set: Row[], language: string, answerable: boolean) => set.filter((row) => row.question.language === language && row.question.answerable === answerable).length;
console.log(`${rows.length} generated questions (${rows.filter((row) => row.question.answerable).length} answerable, from ${new Set(rows.filter((row) => row.question.answerable).map((row) => row.question.source)).size} clauses; ${rows.filter((row) => !row.question.answerable).length} about absent nouns); Newton converged in ${fit.iterations} steps`);
printTable(['language', 'answerable', 'absent topic'], ['zh-Hans', 'zh-Hant', 'en'].map((language) => [language, String(count(rows, language, true)), String(count(rows, language, false))]));
printTable(['gate (held out)', 'false not-found', 'false answer'], [
  ['committed', percent(before.falseNotFound), percent(before.falseAnswer)],
  ['fitted', percent(after.falseNotFound), percent(after.falseAnswer)],
]);
console.log(`weights ${JSON.stringify(best.weights)} bias ${best.bias} threshold ${best.threshold}`);

if (values['dry-run']) {
  for (const row of heldOut.filter((each) => (gateProbability(each.features, best) >= best.threshold) !== each.question.answerable).slice(0, 40)) {
    console.log(`  ${row.question.answerable ? 'false not-found' : 'false answer   '} ${row.question.question}  ${JSON.stringify(Object.fromEntries(Object.entries(row.features).map(([name, value]) => [name, round(value)])))}`);
  }
} else {
  const policy = JSON.parse(readFileSync(POLICY_PATH, 'utf8')) as { answer: { gate: { value: GateModel; fittedOn: string } } };
  policy.answer.gate = {
    value: best,
    fittedOn: `npm run fit:gate (seed ${SEED}): ${rows.length} questions generated from the seeds (${rows.filter((row) => row.question.answerable).length} about phrases of ${new Set(rows.filter((row) => row.question.answerable).map((row) => row.question.source)).size} clauses, ${rows.filter((row) => !row.question.answerable).length} about nouns no document uses; zh-Hans, zh-Hant, en); L2 ${L2}, classes balanced; threshold chosen on the held-out fifth with a false not-found counting ${FALSE_NOT_FOUND_COST}× a false answer: held-out false not-found ${percent(after.falseNotFound)}, false answer ${percent(after.falseAnswer)}`,
  };
  writeFileSync(POLICY_PATH, `${JSON.stringify(policy, null, 2)}\n`);
  console.log('written to src/domain/answer-policy.json');
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
