/** A logistic regression over named features, standardised: what `npm run fit` writes and the decision reads. */
export interface LogisticModel {
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /**
   * Each feature's range among the samples it was fitted on, its outermost `clip` share on each side left out: a value
   * beyond is read as the bound, since a linear model extrapolated far past its data (a question whose every word is of
   * the election corpus) answers with a confidence no sample taught it.
   */
  low?: number[];
  high?: number[];
}

export interface Sample {
  x: number[];
  y: 0 | 1;
  /** How much the sample counts in the loss. */
  weight: number;
  /** Samples of one group (variants of one question) stay in one fold. */
  group: string;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** A feature's value held to the range the model was fitted on. */
const bounded = (model: Pick<LogisticModel, 'low' | 'high'>, x: number[], i: number) => Math.min(model.high?.[i] ?? Infinity, Math.max(model.low?.[i] ?? -Infinity, x[i] ?? 0));

/** Each feature's contribution to the log odds (weight × standardised value, within the fitted range). */
export function contributions(model: LogisticModel, x: number[]): number[] {
  return model.weights.map((w, i) => (w * (bounded(model, x, i) - (model.mean[i] as number))) / (model.scale[i] as number));
}

/** The probability the model gives a feature vector. */
export function predict(model: LogisticModel, x: number[]): number {
  return sigmoid(model.bias + contributions(model, x).reduce((a, b) => a + b, 0));
}

/** Solves A·x = b by Gaussian elimination with partial pivoting (A is small and positive definite here). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs((m[r] as number[])[c] as number) > Math.abs((m[pivot] as number[])[c] as number)) pivot = r;
    [m[c], m[pivot]] = [m[pivot] as number[], m[c] as number[]];
    const row = m[c] as number[];
    for (let r = c + 1; r < n; r++) {
      const other = m[r] as number[];
      const f = (other[c] as number) / (row[c] as number);
      for (let k = c; k <= n; k++) other[k] = (other[k] as number) - f * (row[k] as number);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const row = m[r] as number[];
    let s = row[n] as number;
    for (let k = r + 1; k < n; k++) s -= (row[k] as number) * (x[k] as number);
    x[r] = s / (row[r] as number);
  }
  return x;
}

/** The value below which a share `q` of the values lie (nearest rank). */
function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))] ?? 0;
}

/** Each feature's range among the samples, its outermost `clip` share on each side left out. */
function rangeOf(features: string[], samples: Sample[], clip: number): Required<Pick<LogisticModel, 'low' | 'high'>> {
  const sorted = features.map((_, j) => samples.map((p) => p.x[j] ?? 0).sort((a, b) => a - b));
  return { low: sorted.map((v) => quantile(v, clip)), high: sorted.map((v) => quantile(v, 1 - clip)) };
}

/**
 * Fits weights by Newton's method on the weighted log loss with an L2 penalty `lambda` on the
 * standardised weights (not the bias). Features with no spread get weight 0. With `clip` > 0, each
 * feature is held to its range among the samples less the outermost `clip` share on each side, in the
 * fit and in every prediction (see LogisticModel.low).
 */
export function fitLogistic(features: string[], samples: Sample[], lambda: number, clip = 0, iterations = 25): LogisticModel {
  const d = features.length;
  const bounds = clip > 0 ? rangeOf(features, samples, clip) : {};
  if (clip > 0) samples = samples.map((p) => ({ ...p, x: features.map((_, j) => bounded(bounds, p.x, j)) }));
  const total = samples.reduce((s, p) => s + p.weight, 0) || 1;
  const mean = features.map((_, j) => samples.reduce((s, p) => s + p.weight * (p.x[j] ?? 0), 0) / total);
  const scale = features.map((_, j) => {
    const variance = samples.reduce((s, p) => s + p.weight * ((p.x[j] ?? 0) - (mean[j] as number)) ** 2, 0) / total;
    return variance > 1e-12 ? Math.sqrt(variance) : 1;
  });
  const z = samples.map((p) => p.x.map((v, j) => (v - (mean[j] as number)) / (scale[j] as number)));
  // theta[0] is the bias.
  let theta = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < iterations; it++) {
    const gradient = new Array<number>(d + 1).fill(0);
    const hessian = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    samples.forEach((p, i) => {
      const row = [1, ...(z[i] as number[])];
      const q = sigmoid(row.reduce((s, v, k) => s + v * (theta[k] as number), 0));
      const g = p.weight * (q - p.y);
      const h = p.weight * Math.max(q * (1 - q), 1e-9);
      for (let a = 0; a <= d; a++) {
        gradient[a] = (gradient[a] as number) + g * (row[a] as number);
        const ha = hessian[a] as number[];
        for (let b = a; b <= d; b++) ha[b] = (ha[b] as number) + h * (row[a] as number) * (row[b] as number);
      }
    });
    for (let a = 0; a <= d; a++) {
      for (let b = 0; b < a; b++) (hessian[a] as number[])[b] = (hessian[b] as number[])[a] as number;
      if (a > 0) {
        gradient[a] = (gradient[a] as number) / total + lambda * (theta[a] as number);
        // The tiny ridge keeps a feature with no spread (a column of zeros) from making the system singular.
        (hessian[a] as number[])[a] = ((hessian[a] as number[])[a] as number) / total + lambda + 1e-9;
      } else {
        gradient[a] = (gradient[a] as number) / total;
        (hessian[a] as number[])[a] = ((hessian[a] as number[])[a] as number) / total + 1e-9;
      }
      for (let b = 0; b <= d; b++) if (b !== a) (hessian[a] as number[])[b] = ((hessian[a] as number[])[b] as number) / total;
    }
    const step = solve(hessian, gradient);
    theta = theta.map((t, k) => t - (step[k] as number));
    if (step.reduce((s, v) => s + Math.abs(v), 0) < 1e-8) break;
  }
  return { features, mean, scale, weights: theta.slice(1), bias: theta[0] as number, ...bounds };
}

/** Deterministic fold of a group: the same question lands in the same fold on every run. */
export function foldOf(group: string, folds: number): number {
  let h = 2166136261;
  for (let i = 0; i < group.length; i++) h = Math.imul(h ^ group.charCodeAt(i), 16777619);
  return (h >>> 0) % folds;
}

/** Out-of-fold probabilities: each sample scored by a model fitted on the other folds. */
export function crossValidate(features: string[], samples: Sample[], lambda: number, folds = 5, clip = 0): number[] {
  const out = new Array<number>(samples.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const train = samples.filter((s) => foldOf(s.group, folds) !== f);
    const model = fitLogistic(features, train, lambda, clip);
    samples.forEach((s, i) => {
      if (foldOf(s.group, folds) === f) out[i] = predict(model, s.x);
    });
  }
  return out;
}

/** Weighted log loss of probabilities against labels. */
export function logLoss(samples: Sample[], probabilities: number[]): number {
  let loss = 0;
  let total = 0;
  samples.forEach((s, i) => {
    const p = Math.min(1 - 1e-9, Math.max(1e-9, probabilities[i] as number));
    loss -= s.weight * (s.y === 1 ? Math.log(p) : Math.log(1 - p));
    total += s.weight;
  });
  return loss / (total || 1);
}

/** Area under the ROC curve: the chance a random positive scores above a random negative. */
export function auc(samples: Sample[], probabilities: number[]): number {
  const order = samples.map((s, i) => ({ y: s.y, p: probabilities[i] as number })).sort((a, b) => a.p - b.p);
  let positives = 0;
  let negatives = 0;
  let rankSum = 0;
  order.forEach((o, i) => {
    if (o.y === 1) {
      positives++;
      rankSum += i + 1;
    } else negatives++;
  });
  return positives && negatives ? (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives) : 0.5;
}
