// A pino destination for benchmarks: counts the warnings and errors logged and keeps the first few,
// so a run reports what went wrong without flooding its output.
import type { DestinationStream } from 'pino';

export class LogTally implements DestinationStream {
  count = 0;
  readonly first: string[] = [];

  constructor(private readonly keep = 5) {}

  write(line: string): void {
    this.count++;
    if (this.first.length >= this.keep) return;
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; system?: string; error?: string; err?: { message?: string } };
      this.first.push(`[${entry.level}] ${entry.system ? `${entry.system}: ` : ''}${entry.msg ?? ''}${entry.error ? ` — ${entry.error}` : entry.err?.message ? ` — ${entry.err.message}` : ''}`);
    } catch {
      this.first.push(line.trim());
    }
  }
}
