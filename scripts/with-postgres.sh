#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15: initdb in a temporary folder, a free port on
# 127.0.0.1, JIXIAO_TEST_PG_URL exported, and the server stopped and deleted afterwards, whatever
# the command's outcome (as root the server runs as the postgres user). `npm test` starts the same
# server by itself (scripts/lib/postgres.mjs); this is for running a part of the suites on it.
#   Usage: scripts/with-postgres.sh npx vitest run --project server:postgres test/auth.test.ts
set -Eeuo pipefail
exec node "$(dirname "$0")/lib/with-postgres.mjs" "$@"
