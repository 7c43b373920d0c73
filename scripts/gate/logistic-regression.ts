/**
 * Binary logistic regression with an L2 penalty, fitted by Newton's method (iteratively reweighted
 * least squares): a handful of features and a few thousand rows converge in a few steps, exactly,
 * with no learning rate to tune. Rows may be weighted (to balance classes).
 */
export interface LogisticFit {
  weights: number[];
  bias: number;
  iterations: number;
}

export function fitLogistic(rows: number[][], labels: number[], options: { l2?: number; sampleWeights?: number[]; maxIterations?: number } = {}): LogisticFit {
  const l2 = options.l2 ?? 1e-2;
  const dimension = (rows[0]?.length ?? 0) + 1;
  const beta = new Array<number>(dimension).fill(0);
  const sampleWeights = options.sampleWeights ?? rows.map(() => 1);
  let iterations = 0;
  for (; iterations < (options.maxIterations ?? 50); iterations += 1) {
    const gradient = new Array<number>(dimension).fill(0);
    const hessian = Array.from({ length: dimension }, () => new Array<number>(dimension).fill(0));
    rows.forEach((row, index) => {
      const x = [...row, 1];
      const p = sigmoid(dot(beta, x));
      const weight = sampleWeights[index]!;
      for (let i = 0; i < dimension; i += 1) {
        gradient[i]! += weight * (labels[index]! - p) * x[i]!;
        for (let j = 0; j < dimension; j += 1) hessian[i]![j]! += weight * p * (1 - p) * x[i]! * x[j]!;
      }
    });
    // The penalty spares the bias (the last coefficient).
    for (let i = 0; i < dimension - 1; i += 1) {
      gradient[i]! -= l2 * beta[i]!;
      hessian[i]![i]! += l2;
    }
    const step = solve(hessian, gradient);
    let change = 0;
    for (let i = 0; i < dimension; i += 1) {
      beta[i]! += step[i]!;
      change = Math.max(change, Math.abs(step[i]!));
    }
    if (change < 1e-8) break;
  }
  return { weights: beta.slice(0, -1), bias: beta.at(-1)!, iterations };
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function dot(left: number[], right: number[]): number {
  return left.reduce((sum, value, index) => sum + value * right[index]!, 0);
}

/** Gaussian elimination with partial pivoting: solves A·x = b for a small dense system. */
function solve(matrix: number[][], vector: number[]): number[] {
  const size = vector.length;
  const a = matrix.map((row, index) => [...row, vector[index]!]);
  for (let column = 0; column < size; column += 1) {
    let pivot = column;
    for (let row = column + 1; row < size; row += 1) if (Math.abs(a[row]![column]!) > Math.abs(a[pivot]![column]!)) pivot = row;
    [a[column], a[pivot]] = [a[pivot]!, a[column]!];
    const lead = a[column]![column]!;
    if (Math.abs(lead) < 1e-12) continue;
    for (let row = 0; row < size; row += 1) {
      if (row === column) continue;
      const factor = a[row]![column]! / lead;
      for (let k = column; k <= size; k += 1) a[row]![k]! -= factor * a[column]![k]!;
    }
  }
  return a.map((row, index) => (Math.abs(row[index]!) < 1e-12 ? 0 : row[size]! / row[index]!));
}
