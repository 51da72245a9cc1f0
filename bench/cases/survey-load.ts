/**
 * Satisfaction surveys under load, on the embedded database (issue 12):
 * 1. 1,000 respondents answer the demo's open survey within one minute — one arrives every 60 ms, each
 *    fetches the form and sends it from its own address (through a trusted proxy, as in production),
 *    from a child process so the load does not share the server's event loop. Aim: no errors; p99 shown.
 * 2. The results over 100,000 responses (bulk-inserted in SQL), beside the bare aggregate queries the
 *    route runs (what the service adds to them) and beside reading every row. Aim: under 1 s.
 * Figures are printed, never asserted.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildApp, connect, createRoutes, loadConfig, PdfRenderer } from '@jixiao/server';
import { eq, sql } from 'drizzle-orm';
import { surveyResponses, surveys } from '../../apps/server/src/db/schema.ts';
import { DEMO_PASSWORD, seedDemo } from '../../apps/server/src/seed/demo.ts';
import { answerPatterns, responsesPerDay, responseTotals } from '../../apps/server/src/surveys/survey.repository.ts';
import type { Figure } from '../measure.ts';
import { medianMs, peakRssMb, report } from '../measure.ts';

const RESPONDENTS = 1_000;
const SPACING_MS = 60;
const BULK = 100_000;
const LEVELS = ['very-satisfied', 'satisfied', 'fair', 'dissatisfied'];

if (process.argv[2] === 'client') await client(process.argv[3] ?? '', process.argv[4] ?? '');
else await server();

async function server(): Promise<void> {
  const figures: Figure[] = [];
  const database = await connect({ kind: 'pglite-memory' });
  await database.migrate();
  const config = loadConfig({ LOG_LEVEL: 'silent', TRUST_PROXY: '127.0.0.1', PDF_WARM: 'off' });
  const deps = { db: database.db, config, clock: () => new Date() };
  await seedDemo(deps);
  const [survey] = await database.db.select({ id: surveys.id, slug: surveys.slug, questions: surveys.questions }).from(surveys);
  if (!survey) throw new Error('the demo survey is missing');
  const pdf = new PdfRenderer(config.CHROMIUM_PATH);
  const app = await buildApp(deps, createRoutes(pdf));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });

  const load = await runClient(url, survey.slug);
  const times = load.times.sort((a, b) => a - b);
  figures.push({ label: '1,000 respondents in 60 s: answers stored', value: load.stored, unit: '', aim: String(RESPONDENTS) });
  figures.push({ label: '  errors', value: load.errors, unit: '', aim: '0' });
  figures.push({ label: '  form + answer p50', value: percentile(times, 0.5), unit: 'ms' });
  figures.push({ label: '  form + answer p99', value: percentile(times, 0.99), unit: 'ms' });
  if (load.firstError) process.stderr.write(`first error: ${load.firstError}\n`);

  // 100,000 further responses, as varied as real ones: every scale question answered, levels spread.
  await database.db.execute(sql`
    insert into survey_responses (survey_id, channel, answers, received_at, completion_seconds, flags)
    select ${survey.id}, 'online',
      jsonb_build_object(
        'content', (array['very-satisfied','satisfied','fair','dissatisfied','very-dissatisfied'])[1 + i % 5],
        'teacher', (array['very-satisfied','satisfied','fair','satisfied','very-satisfied'])[1 + i % 5],
        'organisation', (array['satisfied','very-satisfied','fair','satisfied','very-satisfied'])[1 + (i / 5) % 5],
        'overall', (array['very-satisfied','satisfied','satisfied','fair','very-satisfied'])[1 + (i / 3) % 5]),
      now() - (i % 30) * interval '1 day', 120, '[]'::jsonb
    from generate_series(1, ${BULK}) as i`);
  const [{ count } = { count: 0 }] = await database.db
    .select({ count: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, survey.id));
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'finance', password: DEMO_PASSWORD } });
  const cookie = String(login.headers['set-cookie'] ?? '').split(';')[0] ?? '';
  let status = 0;
  const results = await medianMs(3, async () => {
    const response = await app.inject({ method: 'GET', url: `/api/surveys/${survey.id}/results`, headers: { cookie } });
    status = response.statusCode;
  });
  // The route's floor: the three aggregate queries it runs (totals, per day, answers grouped), bare.
  const textIds = survey.questions.filter((question) => question.kind === 'text').map((question) => question.id);
  const bare = await medianMs(3, () =>
    Promise.all([
      responseTotals(database.db, survey.id),
      responsesPerDay(database.db, survey.id),
      answerPatterns(database.db, survey.id, textIds),
    ]),
  );
  const rows = await medianMs(3, () => database.db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, survey.id)));
  figures.push({
    label: `results over ${count.toLocaleString('en')} responses (HTTP ${status})`,
    value: results,
    unit: 'ms',
    aim: '< 1000 ms',
  });
  figures.push({ label: '  bare SQL: the same aggregate queries', value: bare, unit: 'ms' });
  figures.push({ label: '  bare SQL: reading every row instead', value: rows, unit: 'ms' });
  figures.push({ label: 'peak memory (maxRSS)', value: peakRssMb(), unit: 'MB' });
  await app.close();
  await pdf.close();
  await database.close();
  report('Satisfaction surveys on the embedded database: 1,000 respondents in a minute; results over 100,000 responses', figures);
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

interface LoadResult {
  times: number[];
  stored: number;
  errors: number;
  firstError?: string;
}

function runClient(url: string, slug: string): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['client', url, slug], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    child.on('message', (message) => resolve(message as LoadResult));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`load client exited ${code}`));
    });
  });
}

async function client(url: string, slug: string): Promise<void> {
  const result: LoadResult = { times: [], stored: 0, errors: 0 };
  const respondent = async (index: number) => {
    await new Promise((resolve) => setTimeout(resolve, index * SPACING_MS));
    const address = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
    const headers = { 'x-forwarded-for': address, 'content-type': 'application/json' };
    const start = performance.now();
    try {
      const form = await fetch(`${url}/api/public/surveys/${slug}`, { headers });
      const { formToken } = (await form.json()) as { formToken: string };
      const level = (offset: number) => LEVELS[(index + offset) % LEVELS.length] ?? 'satisfied';
      const answer = await fetch(`${url}/api/public/surveys/${slug}/responses`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          answers: { content: level(0), teacher: level(1), organisation: level(2), overall: level(3) },
          formToken,
          elapsedSeconds: 95,
        }),
      });
      const body = await answer.text();
      result.times.push(performance.now() - start);
      if (answer.status === 201) result.stored += 1;
      else {
        result.errors += 1;
        result.firstError ??= `${answer.status} ${body.slice(0, 200)}`;
      }
    } catch (error) {
      result.errors += 1;
      result.firstError ??= (error as Error).message;
    }
  };
  await Promise.all(Array.from({ length: RESPONDENTS }, (_, index) => respondent(index)));
  process.send?.(result, () => process.exit(0));
}
