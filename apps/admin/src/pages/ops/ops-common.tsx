import { formatFen } from "@lingong/core";
import { Space, Tag } from "antd";
import dayjs from "dayjs";
import type { ReactNode } from "react";
import type { useT } from "../../i18n/index.tsx";

/** A fresh idempotency key for one submission (a double click does not save twice). */
export function newIdemKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `k-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** Timestamps arrive as ISO strings over JSON (no transformer); shown in the browser's clock. */
export function fmtTime(v: string | Date | null | undefined): string {
  return v ? dayjs(v).format("YYYY-MM-DD HH:mm") : "";
}

export function fmtDay(v: string | Date | null | undefined): string {
  return v ? dayjs(v).format("YYYY-MM-DD") : "";
}

/** `¥250.00`, or an empty cell for null. */
export function fen(v: number | null | undefined): string {
  return v === null || v === undefined ? "" : formatFen(v);
}

/** Page title with actions on the right (export, new …). */
export function PageHead({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }} wrap>
      <h1 className="page-title" style={{ margin: 0 }}>{title}</h1>
      <Space wrap>{children}</Space>
    </Space>
  );
}

export interface Labelled {
  zh: string;
  en: string;
  color?: string;
}

/** A coloured tag for an enum value from a label map. */
export function EnumTag({ map, value, lang }: { map: Record<string, Labelled>; value: string | null | undefined; lang: "zh" | "en" }) {
  if (!value) return null;
  const l = map[value];
  return <Tag color={l?.color}>{l ? (lang === "en" ? l.en : l.zh) : value}</Tag>;
}

export function options(map: Record<string, Labelled>, lang: "zh" | "en") {
  return Object.entries(map).map(([value, l]) => ({ value, label: lang === "en" ? l.en : l.zh }));
}

export function label(map: Record<string, Labelled>, value: string | null | undefined, lang: "zh" | "en" = "zh"): string {
  if (!value) return "";
  const l = map[value];
  return l ? (lang === "en" ? l.en : l.zh) : value;
}

/** Form rule: a required field with a message naming it. */
export function req(name: string, verb = "请填写") {
  return { required: true, message: `${verb}${name}` };
}

/** The `t` of `useT()`, for helpers outside components (export columns, rules). */
export type Tr = ReturnType<typeof useT>;

/** Form rule: a required field, the message naming it in the reader's language (请填写… / 请选择…). */
export function need(t: Tr, name: string, choose = false) {
  return { required: true, message: t.f(choose ? "ops.v.choose" : "ops.v.fill", { name }) };
}

/** Form rule: at most `n` characters, the message naming the field. */
export function maxLen(t: Tr, name: string, n: number) {
  return { max: n, message: t.f("ops.v.max", { name, n }) };
}
