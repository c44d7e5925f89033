// The part of autocannon's API that scripts/bench/server.ts uses (the package ships no types).
declare module "autocannon" {
  type Options = { url: string; connections?: number; duration?: number; headers?: Record<string, string> };
  type Histogram = { average: number; p50: number; p90: number; p99: number };
  type Result = {
    latency: Histogram;
    requests: Histogram & { total: number };
    non2xx: number;
    errors: number;
  };
  /** A running load: a promise of its result that also tells of each answer (its time in ms, from hrtime). */
  type Running = Promise<Result> & {
    on(
      event: "response",
      listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void,
    ): Running;
  };
  export default function autocannon(options: Options): Running;
}
