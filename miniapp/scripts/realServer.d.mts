export interface RunningServer {
  url: string;
  dataDir: string;
  pid: number | undefined;
  log: string[];
  stop(): Promise<void>;
}
export function startServer(options?: {
  env?: Record<string, string>;
  timeoutMs?: number;
  pgliteTemplate?: string;
}): Promise<RunningServer>;
