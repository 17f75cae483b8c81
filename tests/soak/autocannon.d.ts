// autocannon ships no types; the few fields the soak test reads.
declare module 'autocannon' {
  interface Request {
    method: string;
    path: string;
    headers?: Record<string, string>;
    /** Called with every answer to this request. */
    onResponse?: (status: number, body: string) => void;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    requests?: Request[];
  }
  interface Result {
    requests: { total: number };
    non2xx: number;
    /** Requests that got no answer: connection errors, and timeouts (counted in both). */
    errors: number;
    timeouts: number;
    latency: { p99: number };
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
