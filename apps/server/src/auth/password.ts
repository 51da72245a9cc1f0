import { randomBytes, type ScryptOptions, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { isCommonPassword } from './common-passwords.ts';

/**
 * Passwords are hashed with scrypt, the memory-hard function built into Node (no native addon to
 * build, same result on every instance). Format: `scrypt$<logN>$<r>$<p>$<salt>$<hash>` (base64url),
 * so the cost can be raised later and old hashes still verify.
 */
const KEY_LENGTH = 32;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;

/**
 * Hashes run one core's worth at a time less than the machine has (at least one): scrypt runs on libuv's
 * thread pool, which file reads, DNS and compression share, so 200 sign-ins at once would otherwise fill
 * the pool and every core and starve the requests of users already signed in. The others wait their turn
 * here, in arrival order; memory stays at (this many) × 128·N·r bytes.
 */
export const HASH_CONCURRENCY = Math.max(1, availableParallelism() - 1);
let running = 0;
const waiting: (() => void)[] = [];

async function queued<T>(work: () => Promise<T>): Promise<T> {
  if (running >= HASH_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await work();
  } finally {
    // The slot passes straight to the next in line, so a newcomer cannot overtake it.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

/** How many hashes are waiting for a slot (for tests and diagnostics). */
export const hashesWaiting = () => waiting.length;

function scrypt(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r + 1024 * 1024 };
  return queued(
    () =>
      new Promise((resolve, reject) => {
        scryptCallback(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
      }),
  );
}

export async function hashPassword(password: string, logN: number): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, logN, BLOCK_SIZE, PARALLELISM);
  return ['scrypt', logN, BLOCK_SIZE, PARALLELISM, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !logN || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), Number(logN), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** True when a stored hash was made with other parameters than the current ones: it is replaced at the next sign-in. */
export function needsRehash(stored: string, logN: number): boolean {
  const [, storedLogN, r, p] = stored.split('$');
  return Number(storedLogN) !== logN || Number(r) !== BLOCK_SIZE || Number(p) !== PARALLELISM;
}

/** A hash to verify against when the user does not exist, so response time does not reveal usernames. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(logN: number): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(12).toString('hex'), logN);
  return dummyHash;
}

/**
 * Password rules for real accounts (not the demo's): at least 10 characters, three kinds of character, not
 * containing the username or the user's name, not a common password (see common-passwords.ts). Messages name the rule broken.
 */
export function passwordProblems(password: string, user: { readonly username: string; readonly displayName?: string }): string[] {
  const problems: string[] = [];
  if (password.length < 10) problems.push('密码至少 10 个字符');
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (kinds < 3) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少三类');
  const lower = password.toLowerCase();
  if (lower.includes(user.username.toLowerCase())) problems.push('密码不能包含用户名');
  const name = user.displayName?.trim().toLowerCase();
  if (name && lower.includes(name)) problems.push('密码不能包含姓名');
  if (isCommonPassword(password)) problems.push('密码过于常见：它在常用密码表中，或只是常见单词加数字和符号，容易被猜中');
  return problems;
}
