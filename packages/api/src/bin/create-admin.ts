/**
 * Creates the first system administrator (no default password anywhere, checklist B8):
 *   npm run create-admin -w @lingong/api -- --username admin --market 140521 [--name 张三]
 * The password is read from stdin when piped; otherwise a strong one is generated and printed once.
 * `--market` creates the market row if it does not exist (Qinshui's values for 140521).
 */
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { hashPassword } from "../auth/password.ts";
import { checkPasswordPolicy, generatePassword } from "../auth/policy.ts";
import { createDatabase } from "../db/client.ts";
import { migrateDatabase } from "../db/migrate.ts";
import { DomainError } from "../errors.ts";
import { auditLog, markets, staffUsers } from "../schema/core.ts";

async function readStdin(): Promise<string | null> {
  if (process.stdin.isTTY) return null;
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0]?.trim() ?? "";
  return text || null;
}

async function main() {
  const { values } = parseArgs({
    options: {
      username: { type: "string" },
      market: { type: "string" },
      name: { type: "string" },
    },
  });
  const username = values.username?.trim().toLowerCase();
  if (!username) throw new Error("用法：--username <用户名> [--market 140521] [--name 显示名]");
  const fromStdin = await readStdin();
  const password = fromStdin ?? generatePassword();
  checkPasswordPolicy(password, { username });

  const database = await createDatabase();
  try {
    await migrateDatabase(database.db, database.kind);
    const db = database.db;
    let marketId: string | null = null;
    if (values.market) {
      const [m] = await db.select({ id: markets.id }).from(markets).where(eq(markets.code, values.market));
      if (m) marketId = m.id;
      else {
        const qinshui = values.market === "140521";
        const [created] = await db
          .insert(markets)
          .values({
            code: values.market,
            name: qinshui ? "沁水县零工市场" : `${values.market}零工市场`,
            county: qinshui ? "沁水县" : values.market,
            province: "山西省",
          })
          .returning({ id: markets.id });
        marketId = created?.id ?? null;
      }
    }
    const passwordHash = await hashPassword(password);
    await db.transaction(async (tx) => {
      const [u] = await tx
        .insert(staffUsers)
        .values({ username, displayName: values.name ?? "系统管理员", role: "admin", marketId: null, passwordHash })
        .returning({ id: staffUsers.id });
      await tx.insert(auditLog).values({
        marketId,
        action: "staff.create",
        targetType: "staff_user",
        targetId: u?.id ?? null,
        ip: "cli",
        detail: { via: "create-admin", username, role: "admin" },
      });
    });
    console.log(`已创建系统管理员 ${username}。`);
    if (!fromStdin) {
      console.log(`初始密码（只显示这一次，请妥善保存并登录后修改）：${password}`);
    }
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  if (err instanceof DomainError) console.error(`失败：${err.message}`);
  else console.error(`失败：${(err as Error)?.message ?? String(err)}`);
  process.exit(1);
});
