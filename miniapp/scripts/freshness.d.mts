export const miniappDir: string;
export const repoRoot: string;
export const BUILD_INPUTS: string[];
export function newestMtime(entry: string): number;
export function staleReason(outputFile: string, inputs?: string[]): string | null;
export function build(target: 'weapp' | 'h5', options?: { quiet?: boolean }): number;
