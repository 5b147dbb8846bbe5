import type { FuzzRequest } from "./generate-requests";
import type { Problem } from "./check-answer";
import type { RawAnswer } from "./raw-http";

type Outcome = { request: FuzzRequest; answer: RawAnswer; problems: Problem[] };

/** Requests and statuses per route class and per mutation, the status histogram, the slowest, the row counts. */
export function printFuzzSummary(outcomes: Outcome[], run: { seed: number; elapsedMs: number; before: Record<string, number>; after: Record<string, number> }): void {
  const lines = [`--- fuzz: seed ${run.seed}, ${outcomes.length} requests in ${(run.elapsedMs / 1000).toFixed(1)} s (${Math.round(outcomes.length / (run.elapsedMs / 1000))}/s)`];
  const statusOf = (o: Outcome) => (o.answer.status ? String(o.answer.status) : (o.answer.error ?? "closed"));
  const table = (title: string, key: (o: Outcome) => string) => {
    lines.push(`  ${title}`);
    const groups = new Map<string, Outcome[]>();
    for (const o of outcomes) groups.set(key(o), [...(groups.get(key(o)) ?? []), o]);
    for (const [name, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      const latencies = list.map((o) => o.answer.latencyMs).sort((a, b) => a - b);
      lines.push(`    ${name.padEnd(22)} n=${String(list.length).padEnd(6)} ${histogram(list.map(statusOf)).padEnd(60)} p50 ${ms(latencies[Math.floor(latencies.length / 2)]!)} max ${ms(latencies.at(-1)!)}`);
    }
  };
  table("per route class", (o) => o.request.routeClass);
  table("per mutation", (o) => o.request.mutation);
  lines.push(`  statuses: ${histogram(outcomes.map(statusOf))}`);
  const problems = outcomes.flatMap((o) => o.problems);
  lines.push(`  problems: ${problems.length ? histogram(problems) : "none"}`);
  lines.push("  slowest:");
  for (const o of [...outcomes].sort((a, b) => b.answer.latencyMs - a.answer.latencyMs).slice(0, 5)) {
    lines.push(`    ${ms(o.answer.latencyMs)} ${statusOf(o)} [${o.request.routeClass} / ${o.request.mutation}] ${o.request.raw.method} ${JSON.stringify(o.request.raw.target.slice(0, 100))}`);
  }
  const changed = Object.keys(run.after).filter((table) => run.after[table] !== run.before[table]);
  lines.push(`  rows written: ${changed.length ? changed.map((table) => `${table} ${run.before[table] ?? 0} -> ${run.after[table]}`).join(", ") : "none"}`);
  console.log(lines.join("\n"));
}

function histogram(values: string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([value, count]) => `${value}x${count}`)
    .join(" ");
}

const ms = (value: number) => `${Math.round(value)}ms`.padStart(7);
