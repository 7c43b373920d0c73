import { describe, expect, it } from 'vitest';
import { fitLogistic, sigmoid } from './logistic-regression.ts';

describe('fitLogistic', () => {
  it('recovers the coefficients of data drawn from a known logistic model', () => {
    // Deterministic draws: x on a grid, labels from P(y=1) = sigmoid(3x - 1), with weights for the counts.
    const rows: number[][] = [];
    const labels: number[] = [];
    const weights: number[] = [];
    for (let x = -2; x <= 2; x += 0.05) {
      const p = sigmoid(3 * x - 1);
      rows.push([x], [x]);
      labels.push(1, 0);
      weights.push(p, 1 - p);
    }
    const fit = fitLogistic(rows, labels, { sampleWeights: weights, l2: 0 });
    expect(fit.weights[0]).toBeCloseTo(3, 4);
    expect(fit.bias).toBeCloseTo(-1, 4);
  });

  it('shrinks coefficients under an L2 penalty and stays finite on separable data', () => {
    const rows = [[0], [0.1], [0.9], [1]];
    const labels = [0, 0, 1, 1];
    const loose = fitLogistic(rows, labels, { l2: 0.01 });
    const tight = fitLogistic(rows, labels, { l2: 1 });
    expect(Number.isFinite(loose.weights[0])).toBe(true);
    expect(Math.abs(tight.weights[0]!)).toBeLessThan(Math.abs(loose.weights[0]!));
    expect(loose.weights[0]).toBeGreaterThan(0);
  });
});
