import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/db/schema.ts and reviewed as SQL; they are applied at start-up.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
  migrations: { prefix: 'timestamp' },
});
