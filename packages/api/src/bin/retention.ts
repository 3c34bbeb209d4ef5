/**
 * Applies the retention period (PIPL Arts 19, 47; checklist A5), e.g. nightly from cron:
 *   npx tsx src/bin/retention.ts [--market 140521] [--days 365] [--today 2025-06-01]
 * Clears the identifying data of workers deregistered longer ago than the market's period
 * (markets.settings.retentionDays, default 365) and deletes stale online pre-registrations.
 * Each purge is audited (as the system, ip "cli"); statistics and the audit log are kept.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { createDatabase } from "../db/client.ts";
import { applyRetention } from "../ops/retention.ts";
import { todayShanghai } from "../queries/workforce-common.ts";
import { markets } from "../schema/core.ts";

async function main() {
  const { values } = parseArgs({ options: { market: { type: "string" }, days: { type: "string" }, today: { type: "string" } } });
  const days = values.days === undefined ? undefined : Number(values.days);
  if (days !== undefined && (!Number.isInteger(days) || days < 30)) throw new Error("--days 必须是不小于 30 的整数 / must be an integer >= 30");
  const database = await createDatabase();
  try {
    let marketId: string | undefined;
    if (values.market) {
      const [m] = await database.db.select({ id: markets.id }).from(markets).where(eq(markets.code, values.market));
      if (!m) throw new Error(`没有代码为 ${values.market} 的市场 / no market with code ${values.market}`);
      marketId = m.id;
    }
    const report = await applyRetention(database.db, {
      today: values.today ?? todayShanghai(),
      days,
      marketId,
      actor: { user: null, requestId: randomUUID(), ip: "cli" },
    });
    for (const m of report.markets) {
      console.log(
        `${m.marketId}: 保存期 ${m.days} 天，清除 ${m.purgedWorkers.length} 名零工的身份信息，删除 ${m.deletedPreRegistrations} 条过期预登记` +
          (m.withdrawnNotDeregistered > 0 ? `；${m.withdrawnNotDeregistered} 名已撤回同意但未注销，请负责人处理` : ""),
      );
    }
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
