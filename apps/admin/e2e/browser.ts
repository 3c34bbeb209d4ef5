import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";

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

function opened<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("the browser is open only while the describe block's tests run");
  return value;
}

/**
 * A describe block's own browser, launched before its tests and closed after them. Read
 * `.browser` inside a test: the hooks have not run yet when the block is declared.
 */
export function sharedBrowser(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      return opened(browser);
    },
  };
}

/**
 * A describe block's browser with one page logged in as `test-<role>`, shared by its tests in
 * order (each carries on where the last left off). The properties read the live session, which
 * exists only once the block's hooks have run, so read them inside a test.
 */
export function loggedIn(role: string): Session & { readonly browser: Browser } {
  let browser: Browser | undefined;
  let session: Session | undefined;
  beforeAll(async () => {
    browser = await launch();
    session = await openPage(browser);
    await login(session.page, role);
  });
  afterAll(async () => {
    await session?.close();
    await browser?.close();
  });
  return {
    get browser() {
      return opened(browser);
    },
    get page() {
      return opened(session).page;
    },
    get dialogs() {
      return opened(session).dialogs;
    },
    get errors() {
      return opened(session).errors;
    },
    close: () => opened(session).close(),
  };
}
