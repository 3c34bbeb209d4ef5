import { and, eq, sql } from "drizzle-orm";
import { DomainError, notFound } from "../errors.ts";
import { workerDocuments } from "../schema/workers.ts";
import { decryptPii, encryptPii } from "./pii.ts";
import { badRequest, type DbLike } from "./workforce-common.ts";
import { assertProcessable, loadWorker, type Actor } from "./workers-common.ts";

const MAGIC: Record<"image/jpeg" | "image/png", number[]> = {
  "image/jpeg": [0xff, 0xd8, 0xff],
  "image/png": [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};
const MAX_BYTES = 2 * 1024 * 1024;

/** Stores an ID copy or photo (M1): JPEG/PNG only (checked by content), at most 2 MB, encrypted. */
export async function uploadDocument(
  tx: DbLike,
  actor: Actor,
  input: { workerId: string; kind: "id_front" | "id_back" | "photo"; mime: "image/jpeg" | "image/png"; dataBase64: string },
  now = new Date(),
) {
  const w = await loadWorker(tx, actor.marketId, input.workerId);
  assertProcessable(w);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.dataBase64)) throw badRequest("文件内容不是有效的 base64", "dataBase64", "Invalid base64");
  const bytes = Buffer.from(input.dataBase64, "base64");
  if (bytes.length === 0) throw badRequest("文件为空", "dataBase64", "Empty file");
  if (bytes.length > MAX_BYTES) throw badRequest("文件不能超过 2 MB", "dataBase64", "File larger than 2 MB");
  const magic = MAGIC[input.mime];
  if (!magic.every((b, i) => bytes[i] === b)) throw badRequest("文件内容与类型不符（只接受 JPEG 或 PNG 图片）", "mime", "Content is not the declared image type");
  const { createHash } = await import("node:crypto");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await tx
    .update(workerDocuments)
    .set({ deletedAt: now, contentEnc: null })
    .where(and(eq(workerDocuments.marketId, actor.marketId), eq(workerDocuments.workerId, input.workerId), eq(workerDocuments.kind, input.kind), sql`${workerDocuments.deletedAt} is null`));
  const [doc] = await tx
    .insert(workerDocuments)
    .values({ marketId: actor.marketId, workerId: input.workerId, kind: input.kind, mime: input.mime, sizeBytes: bytes.length, sha256, contentEnc: encryptPii(input.dataBase64), uploadedBy: actor.userId, createdAt: now })
    .returning({ id: workerDocuments.id, kind: workerDocuments.kind, mime: workerDocuments.mime, sizeBytes: workerDocuments.sizeBytes, createdAt: workerDocuments.createdAt });
  if (!doc) throw new Error("document insert returned nothing");
  return doc;
}

export async function readDocument(db: DbLike, marketId: string, documentId: string) {
  const [d] = await db.select().from(workerDocuments).where(and(eq(workerDocuments.id, documentId), eq(workerDocuments.marketId, marketId)));
  if (!d) throw notFound("文件", "documentId");
  if (!d.contentEnc || d.deletedAt) throw new DomainError("NOT_FOUND", "该文件已删除", { field: "documentId", messageEn: "Document deleted" });
  return { id: d.id, workerId: d.workerId, kind: d.kind, mime: d.mime, sizeBytes: d.sizeBytes, dataBase64: decryptPii(d.contentEnc) };
}
