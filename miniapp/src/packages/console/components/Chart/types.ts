/** A chart of one series: bars (one per category) or a line (categories in order). */
export interface ChartProps {
  kind: 'bar' | 'line';
  /** What the chart shows, for screen readers and the figures' table. */
  label: string;
  categories: readonly string[];
  /** Rates in [0, 1]; null where there is nothing to count. */
  values: ReadonlyArray<number | null>;
}

export const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);
