import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Test plumbing that checks a .docx the way a reader would open it: LibreOffice converts it to PDF
 * and pdftotext reads the PDF back.
 */

/** JIXIAO_SKIP_LIBREOFFICE=1 skips the tests that need LibreOffice; otherwise a missing install fails them. */
export const isLibreOfficeSkipped = process.env.JIXIAO_SKIP_LIBREOFFICE === '1';

const INSTALL = 'apt-get install libreoffice-writer-nogui poppler-utils';
// A hung soffice is killed after this; a cold start on a busy two-core machine takes up to a minute.
const TIMEOUT_MS = 240_000;

/**
 * Converts .docx (or, with `extension`, .xlsx) bytes to PDF with LibreOffice and returns the PDF's text.
 * Throws when soffice or pdftotext is missing, or when LibreOffice cannot make a PDF of the file.
 */
export async function docxToPdfText(docx: Uint8Array, extension: 'docx' | 'xlsx' = 'docx'): Promise<string> {
  for (const command of ['soffice', 'pdftotext']) {
    if (!(await isOnPath(command))) {
      throw new Error(`${command} is not installed: ${INSTALL} (or set JIXIAO_SKIP_LIBREOFFICE=1 to skip this test)`);
    }
  }
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-libreoffice-'));
  try {
    const input = join(dir, `report.${extension}`);
    const pdf = join(dir, 'report.pdf');
    await writeFile(input, docx);
    // A profile of its own: two soffice processes on one profile wait on its lock or fail.
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const converted = await run('soffice', [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      input,
    ]);
    // soffice exits 0 even when it could not read the file, so the PDF is the only proof.
    if (!(await isAccessible(pdf)))
      throw new Error(`LibreOffice made no PDF of the .${extension}:\n${converted.stdout}${converted.stderr}`);
    return (await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'])).stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} failed: ${error.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

async function isOnPath(command: string): Promise<boolean> {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    if (await isAccessible(join(dir, command), constants.X_OK)) return true;
  }
  return false;
}

async function isAccessible(path: string, mode = constants.R_OK): Promise<boolean> {
  try {
    await access(path, mode);
    return true;
  } catch {
    return false;
  }
}
