import type { Page } from "playwright-core";
import { expect } from "vitest";

/** Picks a worker in a WorkerPicker by the worker number (the same search as the header). */
export async function pickWorker(page: Page, testId: string, workerNo: string): Promise<void> {
  const input = page.getByTestId(testId).locator("input");
  await input.click();
  await input.fill(workerNo);
  await expect.poll(() => page.locator(".ant-select-item-option").filter({ hasText: workerNo }).count()).toBeGreaterThan(0);
  await page.keyboard.press("Enter");
}
