import { loadConfig } from '../src/config.ts';

/** The settings every test server starts with: a cheap password hash for speed, no log, no data directory. */
export const TEST_ENV = { PASSWORD_HASH_COST: '10', LOG_LEVEL: 'silent', JIXIAO_DATA_DIR: '/nonexistent' } as const;

export const TEST_CONFIG = loadConfig(TEST_ENV);
