/**
 * `npm start`: open the database (PostgreSQL with DATABASE_URL, else embedded PGlite in
 * LINGONG_DATA_DIR or .data/), migrate, seed demo data into an empty database, serve on PORT.
 */
import { createDatabase } from "../db/client.ts";
import { migrateDatabase } from "../db/migrate.ts";
import { checkDurabilitySettings } from "../ops/durability.ts";
import { startScheduler } from "../ops/scheduler.ts";
import { markets } from "../schema/core.ts";
import { createServer } from "../server/index.ts";

interface DemoLogin {
  username: string;
  password: string;
  role?: string;
  displayName?: string;
}

async function seedIfEmpty(db: Awaited<ReturnType<typeof createDatabase>>["db"]): Promise<DemoLogin[] | null> {
  const existing = await db.select({ id: markets.id }).from(markets).limit(1);
  if (existing.length > 0) return null;
  let mod: { seedDemo?: (db: unknown) => Promise<unknown> };
  try {
    const path = "../seed/demo.ts";
    mod = (await import(/* @vite-ignore */ path)) as typeof mod;
  } catch (err) {
    console.warn(`演示数据生成器不可用（src/seed/demo.ts）：${(err as Error).message}`);
    console.warn("数据库为空：请用 `npm run create-admin -w @lingong/api -- --username admin --market 140521` 创建管理员。");
    return null;
  }
  if (typeof mod.seedDemo !== "function") return null;
  console.log("数据库为空，正在生成演示数据（沁水县零工市场）…");
  const t0 = Date.now();
  const report = (await mod.seedDemo(db)) as { logins?: DemoLogin[] } | DemoLogin[] | undefined;
  console.log(`演示数据已生成（${((Date.now() - t0) / 1000).toFixed(1)} 秒）。`);
  const logins = Array.isArray(report) ? report : (report?.logins ?? []);
  return logins;
}

async function main() {
  const database = await createDatabase();
  console.log(database.kind === "postgres" ? "数据库：PostgreSQL（DATABASE_URL）" : "数据库：内嵌 PGlite（LINGONG_DATA_DIR 或 .data/）");
  await migrateDatabase(database.db, database.kind);
  // Warns loudly when fsync, full_page_writes or synchronous_commit are off (checklist B15).
  // PGlite manages its own files in-process, so the check means something only on a server.
  if (database.kind === "postgres") await checkDurabilitySettings(database.db);
  else console.log("提示：内嵌数据库适合试用和单机；正式部署请设置 DATABASE_URL 使用 PostgreSQL 并做好备份（docs/operations.md）。");
  const logins = await seedIfEmpty(database.db);

  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? "0.0.0.0";
  const app = createServer({ db: database.db });
  const url = (await app.listen(port, host)).replace("127.0.0.1", "localhost");

  console.log("");
  console.log(`零工市场系统已启动 / Lingong is running`);
  console.log(`  管理端 Admin:       ${url}/`);
  console.log(`  数据看板 Dashboard: ${url}/dashboard/`);
  console.log(`  大厅屏幕 Hall board: ${url}/board`);
  console.log(`  健康检查 Health:    ${url}/healthz`);
  if (logins && logins.length > 0) {
    console.log("");
    console.log("演示账户（仅演示数据，切勿用于正式部署）/ DEMO logins — demo data only, never in production:");
    for (const l of logins) console.log(`  ${l.username.padEnd(16)} ${l.password}  ${l.role ?? ""} ${l.displayName ?? ""}`);
  }

  // Probation ends, wage-arrears cases, retention: shortly after start, then hourly (LINGONG_SCHEDULER=off to leave them to cron).
  const scheduler = process.env.LINGONG_SCHEDULER === "off" ? null : startScheduler(database.db, { intervalMs: 60 * 60 * 1000 });
  if (scheduler) console.log("  定时任务 Duties:     到期解除候场、欠薪核查、保存期清理，每小时一次 / hourly");

  const shutdown = async () => {
    scheduler?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? `启动失败：${err.message}` : err);
  process.exit(1);
});
