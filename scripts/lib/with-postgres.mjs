// scripts/with-postgres.sh: runs a command with JIXIAO_TEST_PG_URL pointing at a throwaway PostgreSQL 15.
import { runToEnd, startThrowawayPostgres } from './postgres.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error(
    'usage: scripts/with-postgres.sh <command> [arguments…]   e.g. scripts/with-postgres.sh npx vitest run --project server:postgres',
  );
  process.exit(2);
}
let postgres;
try {
  postgres = await startThrowawayPostgres();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
process.on('exit', postgres.stop);
console.log(`PostgreSQL ${postgres.version} on 127.0.0.1:${postgres.port} (${postgres.dir})`);
const code = await runToEnd(command, args, { ...process.env, JIXIAO_TEST_PG_URL: postgres.url });
postgres.stop();
process.exit(code);
