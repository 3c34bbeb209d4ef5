import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { inject } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = resolve(here, "../test-artifacts");
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Whether browser tests can run here. On CI a missing browser is a failure, not a skip. */
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  const msg = `Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH); browser tests cannot run`;
  if (process.env.CI === "true") throw new Error(msg);
  console.warn(`⚠ ${msg}: running no browser test`);
}

/** Harness password of every `test-<role>` user. */
export const PASSWORD = "Lingong-Test-2024";

export function baseUrl(): string {
  return inject("baseUrl");
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--lang=zh-CN",
    ],
  });
}

export interface Session {
  page: Page;
  /** Browser dialogs (alert/confirm) seen: an XSS payload that ran would show up here. */
  dialogs: string[];
  /** Uncaught page errors. */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh context (no cookies) at 1366×768, the counter's screen. */
export async function openPage(browser: Browser, viewport = { width: 1366, height: 768 }): Promise<Session> {
  const context = await browser.newContext({ viewport, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.setDefaultTimeout(15_000);
  return { page, dialogs, errors, close: () => context.close() };
}

export async function login(page: Page, role: string): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel("用户名").fill(`test-${role}`);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByLabel("密码").press("Enter");
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`), fullPage: true });
}
