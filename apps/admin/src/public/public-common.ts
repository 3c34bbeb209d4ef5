import { formatFen, WAGE_UNIT_LABELS, type WageUnit } from "@lingong/core";

/**
 * The market a public page shows: `?market=140521` in the address, else the deployment's default
 * (VITE_MARKET_CODE at build time), else Qinshui.
 */
export function publicMarketCode(search: string = typeof location === "undefined" ? "" : location.search): string {
  const fromUrl = new URLSearchParams(search).get("market");
  if (fromUrl && /^\d{6}$/.test(fromUrl)) return fromUrl;
  const fromEnv = import.meta.env.VITE_MARKET_CODE as string | undefined;
  return fromEnv && /^\d{6}$/.test(fromEnv) ? fromEnv : "140521";
}

/** An open job order as the public procedures return it (allow-listed fields only). */
export interface PublicJob {
  id: string;
  orderNo: string;
  trade: { code: string; zh: string; en: string };
  headcountLeft: number;
  wageFen: number;
  wageUnit: string;
  township: string | null;
  place: string;
  startDate: string;
  endDate: string;
  minStars: number;
}

export interface TradeNeed {
  trade: { code: string; zh: string; en: string };
  orders: number;
  headcountLeft: number;
  wages: { unit: string; minFen: number; maxFen: number }[];
}

export interface HonourEntry {
  id: string;
  maskedName: string;
  stars: number;
  title: string;
  trade: { code: string; zh: string } | null;
}

export interface Announcement {
  id: string;
  title: string;
  body: string;
  pinned: boolean;
}

type Lang = "zh" | "en";

function unitText(unit: string, lang: Lang): string {
  const u = WAGE_UNIT_LABELS[unit as WageUnit] as { zh: string; en: string } | undefined;
  return u ? u[lang] : unit;
}

/** `¥250/天`, or `¥250/day` in English. */
export function wageText(fen: number, unit: string, lang: Lang = "zh"): string {
  return `${formatFen(fen).replace(/\.00$/, "")}/${unitText(unit, lang)}`;
}

/** `¥180–¥220/天` for a range, `¥200/天` when both ends are equal. */
export function wageRangeText(minFen: number, maxFen: number, unit: string, lang: Lang = "zh"): string {
  return minFen === maxFen ? wageText(minFen, unit, lang) : `${formatFen(minFen).replace(/\.00$/, "")}–${wageText(maxFen, unit, lang)}`;
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `5月1日—5月3日`, or `May 1–May 3` in English; one day when start and end are equal. */
export function dateText(start: string, end: string, lang: Lang = "zh"): string {
  const md = (d: string) => {
    const m = Number(d.slice(5, 7));
    const day = Number(d.slice(8, 10));
    return lang === "en" ? `${MONTHS_EN[m - 1] ?? m} ${day}` : `${m}月${day}日`;
  };
  return start === end ? md(start) : `${md(start)}${lang === "en" ? "–" : "—"}${md(end)}`;
}

/** One order in the English WeChat text; the same lines as the server's Chinese `orderText`. */
function jobTextEn(j: PublicJob): string {
  const lines = [
    `[${j.trade.en}] ${j.headcountLeft} more needed`,
    `Pay: ${wageText(j.wageFen, j.wageUnit, "en")}`,
    `Place: ${[j.township, j.place].filter(Boolean).join(" ")}`,
    `Dates: ${j.startDate === j.endDate ? j.startDate : `${j.startDate} to ${j.endDate}`}`,
  ];
  if (j.minStars > 0) lines.push(`Requires: workers with ${j.minStars} stars or more`);
  lines.push(`No.: ${j.orderNo}`);
  return lines.join("\n");
}

/**
 * The "copy for the WeChat group" text in English, made from the jobs the page shows: the
 * Chinese text stays the server's `board.jobsText` word for word, so the other channels agree.
 * With `orderId` the one order; else every order still short of people (at most 50).
 */
export function jobsTextEn(marketName: string, day: string, jobs: readonly PublicJob[], orderId?: string): string {
  const orders = orderId ? jobs.filter((j) => j.id === orderId) : jobs.filter((j) => j.headcountLeft > 0).slice(0, 50);
  const head = orderId ? `[${marketName} · Job]` : `[${marketName} · Jobs on ${day}] ${orders.length} in all`;
  const body = orders.length === 0 ? "No jobs posted today; come to the market hall to register for work." : orders.map(jobTextEn).join("\n\n");
  const foot = "Sign up at the gig market's service hall and quote the number to the staff. A free public service: no fees of any kind.";
  return `${head}\n\n${body}\n\n${foot}`;
}

/** Items of page `i` when `items` are shown `size` at a time, wrapping around. */
export function rotatePage<T>(items: readonly T[], size: number, i: number): T[] {
  if (items.length <= size) return [...items];
  const pages = Math.ceil(items.length / size);
  const p = ((i % pages) + pages) % pages;
  return items.slice(p * size, p * size + size);
}

/** Copies text; falls back to a hidden textarea where the Clipboard API is refused (http, old WeChat browser). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = document.createElement("textarea");
    ta.value = text;
    ta.setAttribute("readonly", "");
    ta.style.position = "fixed";
    ta.style.opacity = "0";
    document.body.appendChild(ta);
    ta.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
    ta.remove();
    return ok;
  }
}

/**
 * A failed call as a visitor reads it: the server's Chinese message, or its English one
 * (`data.messageEn`) for English, with a plain English fallback for network failures.
 */
export function publicErrorText(err: unknown, lang: Lang, zhMessage: string): string {
  if (lang === "zh") return zhMessage;
  const en = (err as { data?: { messageEn?: unknown } | null } | null)?.data?.messageEn;
  return typeof en === "string" && en !== "" ? en : "Could not reach the server; please try again";
}
