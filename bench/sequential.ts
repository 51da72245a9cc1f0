import { DEMO_PASSWORD } from '../apps/server/src/seed/demo.ts';
import { timed } from './measure.ts';

/** Signs a demo user in over HTTP and answers the session cookie, for cases that measure one route. */
export async function signInCookie(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** Median and p99 of `requests` sequential runs after one warm-up; with 20 samples p99 is the slowest. */
export async function latencies(run: () => Promise<void>, requests: number): Promise<{ median: number; p99: number }> {
  await run();
  const times: number[] = [];
  for (let index = 0; index < requests; index += 1) times.push((await timed(run)).ms);
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] ?? 0, p99: times[Math.ceil(times.length * 0.99) - 1] ?? 0 };
}
