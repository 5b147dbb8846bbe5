import type { LoadRecord } from "./load";

/** A named stretch of wall time (Date.now() values), e.g. "before", "outage", "after". */
export type Phase = { name: string; from: number; to: number };

export type TargetSummary = {
  target: string;
  count: number;
  /** "200": 140, "503": 12, "ECONNRESET": 1 (connection errors counted by their code). */
  outcomes: Record<string, number>;
  p50: number;
  p99: number;
  max: number;
};

/** Requests sent within the phase. */
export function within(records: LoadRecord[], phase: Pick<Phase, "from" | "to">): LoadRecord[] {
  return records.filter((record) => record.at >= phase.from && record.at < phase.to);
}

/** Status counts and latency percentiles per target, in the order targets first appear. */
export function summarize(records: LoadRecord[]): TargetSummary[] {
  const byTarget = new Map<string, LoadRecord[]>();
  for (const record of records) {
    const list = byTarget.get(record.target);
    if (list) list.push(record);
    else byTarget.set(record.target, [record]);
  }
  return [...byTarget].map(([target, list]) => {
    const outcomes: Record<string, number> = {};
    for (const record of list) {
      const key = record.status ? String(record.status) : (record.error ?? "no response");
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    }
    const latencies = list.map((record) => record.latencyMs).sort((a, b) => a - b);
    return { target, count: list.length, outcomes, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), max: latencies.at(-1) ?? 0 };
  });
}

/** Prints a table per phase (statuses, p50/p99/max ms per target) so that a CI log shows what happened. */
export function printPhases(title: string, records: LoadRecord[], phases: Phase[]): void {
  const lines = [`--- ${title}`];
  for (const phase of phases) {
    lines.push(`  ${phase.name} (${((phase.to - phase.from) / 1000).toFixed(1)} s)`);
    for (const row of summarize(within(records, phase))) {
      const outcomes = Object.entries(row.outcomes)
        .map(([key, count]) => `${key}x${count}`)
        .join(" ");
      lines.push(`    ${row.target.padEnd(28)} n=${String(row.count).padEnd(5)} ${outcomes.padEnd(30)} p50 ${ms(row.p50)} p99 ${ms(row.p99)} max ${ms(row.max)}`);
    }
  }
  console.log(lines.join("\n"));
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

const ms = (value: number) => `${Math.round(value)}ms`.padStart(7);
