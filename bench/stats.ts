// The few statistics the benchmarks report: nearest-rank percentiles of
// latencies, rounded to a tenth of a millisecond.

/** The p-th percentile (0–100) by nearest rank; 0 for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const round1 = (n: number): number => Math.round(n * 10) / 10;
