/** Writes `.br` and `.gz` beside every text asset under `dir` of at least 1 KB; returns the byte totals. */
export function precompress(dir: string): { files: number; raw: number; br: number; gz: number };
