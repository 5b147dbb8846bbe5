// The part of autocannon's API the benchmarks use (the package ships no types).
declare module "autocannon" {
  type Options = { url: string; method?: string; headers?: Record<string, string>; body?: string; connections?: number; duration?: number; overallRate?: number; pipelining?: number };
  type Result = { requests: { average: number; total: number }; latency: { p50: number; p99: number; max: number }; errors: number; timeouts: number; non2xx: number };
  function autocannon(options: Options, done: (error: Error | null, result: Result) => void): { stop(): void };
  export default autocannon;
}
