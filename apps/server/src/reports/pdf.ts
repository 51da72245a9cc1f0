import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { AppError } from '../errors.ts';

/**
 * PDF is Chromium's print of the HTML report (fonts-noto-cjk for the Chinese; charts are inline
 * SVG, so they stay vector). One browser per server process, started on first use and kept.
 * Without Chromium the PDF option says so and how to add it, and everything else still works.
 */
export class PdfRenderer {
  private context: Promise<BrowserContext> | undefined;
  private profileDir: string | undefined;

  private readonly executablePath: string;

  constructor(executablePath: string) {
    this.executablePath = executablePath;
  }

  get available(): boolean {
    return existsSync(this.executablePath);
  }

  async render(html: string): Promise<Uint8Array> {
    if (!this.available) {
      throw new AppError(
        'PDF_UNAVAILABLE',
        `服务器未安装 Chromium（${this.executablePath}），暂不能生成 PDF；可先下载 Word 版。管理员可执行 apt-get install chromium fonts-noto-cjk，或设置 CHROMIUM_PATH。`,
      );
    }
    const context = await this.browser();
    const page = await context.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      // Page size, margins and the "— N —" page numbers come from the report's own print CSS (@page).
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      return new Uint8Array(pdf);
    } finally {
      await page.close();
    }
  }

  /** Whether the browser has been started (by a render or by warm()). */
  get started(): boolean {
    return this.context !== undefined;
  }

  /**
   * Starts the browser and prints a page of Chinese once, so fonts and the print pipeline are loaded before
   * the first user waits for them. Never throws: a PDF that cannot be made says so when it is asked for.
   */
  async warm(): Promise<boolean> {
    if (!this.available) return false;
    try {
      await this.render('<!doctype html><meta charset="utf-8"><p style="font-family: serif">绩效自评报告</p>');
      return true;
    } catch {
      return false;
    }
  }

  private browser(): Promise<BrowserContext> {
    if (!this.context) {
      this.profileDir = mkdtempSync(join(tmpdir(), 'jixiao-chromium-'));
      // Debian's chromium: a persistent context with a fresh profile; background networking off on a closed network.
      this.context = chromium.launchPersistentContext(this.profileDir, {
        executablePath: this.executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
        ],
      });
      this.context.catch(() => {
        this.context = undefined;
      });
    }
    return this.context;
  }

  async close(): Promise<void> {
    const context = this.context;
    this.context = undefined;
    if (context) await (await context).close().catch(() => undefined);
    if (this.profileDir) rmSync(this.profileDir, { recursive: true, force: true });
  }
}
