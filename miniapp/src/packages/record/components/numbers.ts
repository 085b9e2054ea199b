/** An index figure as printed: whole numbers bare, the rest to one decimal (the index is kept to one). */
export function figure(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** A signed figure for a part of the index: +3, −2.5 (a real minus sign), 0. */
export function signed(value: number): string {
  if (value > 0) return `+${figure(value)}`;
  if (value < 0) return `−${figure(-value)}`;
  return '0';
}

/** A rate in percent to one decimal: 0.917 → 91.7%. */
export function percent(rate: number): string {
  return `${figure(Math.round(rate * 1000) / 10)}%`;
}

/** Fen to yuan as the dues sheet shows it: 5000 → ¥50, 5050 → ¥50.50. */
export function yuan(cents: number): string {
  return cents % 100 === 0 ? `¥${cents / 100}` : `¥${(cents / 100).toFixed(2)}`;
}
