import autocannon from 'autocannon';

/**
 * One autocannon run, in a process of its own (load.ts spawns it): the options as JSON in argv,
 * the result as JSON on stdout. `paths` makes each request take the next path in turn (PATCHes
 * spread over many records, as many officials editing at once do); `{n}` in the body becomes the
 * request's number, so that every PATCH changes its record (one that changes nothing writes
 * nothing, and would measure no write at all).
 */
const options = JSON.parse(process.argv[2]) as {
  url: string;
  paths?: string[];
  method: string;
  body?: string;
  headers: Record<string, string>;
  seconds: number;
  connections: number;
};
let next = 0;
let sent = 0;
const numbered = options.body?.includes('{n}') === true;
const result = await autocannon({
  url: options.url,
  connections: options.connections,
  duration: options.seconds,
  method: options.method as 'GET',
  headers: options.headers,
  body: options.body,
  requests:
    options.paths || numbered
      ? [
          {
            setupRequest: (request) => ({
              ...request,
              ...(options.paths ? { path: options.paths[next++ % options.paths.length] } : {}),
              ...(numbered ? { body: options.body!.replaceAll('{n}', String(++sent)) } : {}),
            }),
          },
        ]
      : undefined,
});
process.stdout.write(
  JSON.stringify({
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    requests: result.requests.total,
  }),
);
