/**
 * Data-key rotation (docs/operations.md "Rotation"):
 *   npm run rotate-keys -w @lingong/api -- --check          what is sealed under which key
 *   npm run rotate-keys -w @lingong/api -- --new-key        key file only: put a fresh key in front
 *   npm run rotate-keys -w @lingong/api [-- --batch-size 200] re-seal and re-index under the current key
 *   npm run rotate-keys -w @lingong/api -- --drop-old       key file only: forget old keys once unused
 * The ring comes from LINGONG_DATA_KEY + LINGONG_DATA_KEYS_PREVIOUS, or the key file. Prints key
 * ids (fingerprints) and counts only, never a value.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { keyFilePath, keyring, readKeyFile, setMasterKey, writeKeyFile } from "../crypto/index.ts";
import { createDatabase } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { keyUsage, remainingOf, rotateDataKeys, type KeyUsage } from "../ops/key-rotation.ts";

function printUsage(usage: KeyUsage, current: string) {
  for (const [column, byKey] of Object.entries(usage)) {
    const parts = Object.entries(byKey).map(([k, n]) => `${k === current ? `${k}（当前）` : k}: ${n}`);
    console.log(`  ${column}: ${parts.length ? parts.join("，") : "无数据"}`);
  }
}

function envMode(): boolean {
  return Boolean(process.env.LINGONG_DATA_KEY);
}

async function main() {
  const { values } = parseArgs({
    options: {
      check: { type: "boolean" },
      "new-key": { type: "boolean" },
      "drop-old": { type: "boolean" },
      "batch-size": { type: "string" },
    },
  });

  if (values["new-key"]) {
    if (envMode()) {
      throw new Error(
        "使用环境变量配置密钥时，请自行生成新密钥（openssl rand -base64 32），设为 LINGONG_DATA_KEY，并把原密钥移到 LINGONG_DATA_KEYS_PREVIOUS，重启服务后再运行本命令。",
      );
    }
    const keys = readKeyFile();
    writeKeyFile([randomBytes(32), ...keys]);
    setMasterKey(null);
    console.log(`已在 ${keyFilePath()} 生成新密钥 ${keyring().current.idHex}（原密钥保留为旧密钥）。请先重启服务，再运行 npm run rotate-keys。`);
    return;
  }

  const batchSize = values["batch-size"] === undefined ? undefined : Number(values["batch-size"]);
  const database = await createDatabase();
  try {
    const ring = keyring();
    const current = ring.current.idHex;
    console.log(`当前密钥 ${current}；旧密钥 ${ring.all.slice(1).map((k) => k.idHex).join("、") || "无"}`);

    if (values.check || values["drop-old"]) {
      const usage = await keyUsage(database.db);
      printUsage(usage, current);
      const remaining = remainingOf(usage, current);
      console.log(remaining === 0 ? "全部数据已由当前密钥加密。" : `仍有 ${remaining} 项数据由旧密钥加密，请运行 npm run rotate-keys。`);
      if (values["drop-old"]) {
        if (remaining > 0) throw new Error("仍有数据由旧密钥加密，不能删除旧密钥。");
        if (envMode()) console.log("请从环境中删除 LINGONG_DATA_KEYS_PREVIOUS 并重启服务；旧密钥在备份保存期内仍需另行保管（旧备份需要它）。");
        else {
          writeKeyFile([readKeyFile()[0]!]);
          console.log(`已从 ${keyFilePath()} 删除旧密钥。旧备份仍需旧密钥，请按备份保存期另行保管。`);
        }
      }
      if (values.check && remaining > 0) process.exitCode = 2;
      return;
    }

    const report = await rotateDataKeys(database.db, {
      ...(batchSize === undefined ? {} : { batchSize }),
      onBatch: ({ table, rows, batch }) => console.log(`  第 ${batch} 批：${table} ${rows} 行`),
    });
    console.log(
      `轮换${report.complete ? "完成" : "未完成"}：重新加密 ${report.valuesResealed} 项，重算索引 ${report.indexesRecomputed} 项，共 ${report.batches} 批；剩余 ${report.remaining} 项。`,
    );
    if (!report.complete) process.exitCode = 2;
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  if (err instanceof DomainError) console.error(`失败：${err.message}`);
  else console.error(`失败：${(err as Error)?.message ?? String(err)}`);
  process.exit(1);
});
