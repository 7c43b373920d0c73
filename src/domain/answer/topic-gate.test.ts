import { describe, expect, it } from 'vitest';
import { POLICY } from '../answer-policy.ts';
import { answerFromSeeds } from '../../test-support/seed-retrieval.ts';
import { FEATURE_NAMES, gateProbability, type GateFeatures } from './topic-gate.ts';

const zero = Object.fromEntries(FEATURE_NAMES.map((name) => [name, 0])) as unknown as GateFeatures;

describe('topic gate', () => {
  it('is a fitted logistic model whose weights and threshold live in the policy file', () => {
    expect(Object.keys(POLICY.gate.weights).sort()).toEqual([...FEATURE_NAMES].sort());
    expect(POLICY.gate.threshold).toBeGreaterThan(0);
    expect(POLICY.gate.threshold).toBeLessThan(1);
  });

  it('rises with how well the best clause fits the topic and falls with topic words no document uses', () => {
    const weak = gateProbability({ ...zero, fit: 0.2, topicSize: 1 }, POLICY.gate);
    const strong = gateProbability({ ...zero, fit: 0.9, topicSize: 1 }, POLICY.gate);
    const unseen = gateProbability({ ...zero, fit: 0.9, topicSize: 1, hasUnseen: 1, unseenShare: 0.5 }, POLICY.gate);
    expect(strong).toBeGreaterThan(weak);
    expect(unseen).toBeLessThan(strong);
    expect(unseen).toBeLessThan(POLICY.gate.threshold);
  });

  it('opens for an answerable question and stays closed for an absent topic, reporting its features', async () => {
    const open = await answerFromSeeds('校服玩具文具质量安全 天津这边谁带头');
    expect(open.gate?.open).toBe(true);
    const closed = await answerFromSeeds('燃气热水器质量抽查谁负责');
    expect(closed.gate).toMatchObject({ open: false, features: { hasUnseen: 1 } });
  });
});
