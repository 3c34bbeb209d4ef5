import { useEffect, useState } from "react";
import { I18nProvider, langFromUrl, useT } from "../i18n/index.tsx";
import { useQ } from "../lib/api.ts";
import { errorInfo } from "../lib/errors.ts";
import { starText, tradeLabel } from "../lib/display.ts";
import { dateText, publicErrorText, publicMarketCode, rotatePage, wageRangeText, wageText, type Announcement, type HonourEntry, type PublicJob, type TradeNeed } from "./public-common.ts";
import { useMarketName } from "./use-market-name.ts";
import "./board.css";

const REFRESH_MS = 30_000;
const ROTATE_MS = 10_000;
const JOBS_PER_SCREEN = 6;

function useTick(ms: number): number {
  const [n, setN] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setN((x) => x + 1), ms);
    return () => clearInterval(id);
  }, [ms]);
  return n;
}

function Clock() {
  const t = useT();
  useTick(1000);
  const now = new Date(Date.now() + 8 * 3_600_000);
  const iso = now.toISOString();
  const week = t.f("pub.weekday", { d: t("pub.weekdays").split(",")[now.getUTCDay()] ?? "" });
  return <span className="board-clock">{`${iso.slice(0, 10)} ${week} ${iso.slice(11, 16)}`}</span>;
}

const live = { refetchInterval: REFRESH_MS, refetchIntervalInBackground: true, staleTime: 0 } as const;
const list = <T,>(d: unknown): T[] => (Array.isArray(d) ? (d as T[]) : []);

/**
 * The hall's LED screen (R2, M5): open job orders rotating, today's needs by trade, the honour roll
 * and announcements. No login; the public board procedures return allow-listed fields only, and
 * everything is rendered as text. Refreshes itself every 30 s; keeps the last data when offline.
 * Chinese unless the address says `?lang=en` (a visitor's saved choice never changes the hall screen).
 */
export default function BoardPage() {
  return (
    <I18nProvider lang={langFromUrl() ?? "zh"}>
      <Board />
    </I18nProvider>
  );
}

function Board() {
  const t = useT();
  const lang = t.lang;
  const marketCode = publicMarketCode();
  const marketName = useMarketName(marketCode) ?? t("pub.marketFallback");
  const ordersQ = useQ("board.openOrders", { marketCode, limit: 60 }, live);
  const needsQ = useQ("board.todayNeeds", { marketCode }, live);
  const honourQ = useQ("board.honourRoll", { marketCode, limit: 20 }, live);
  const newsQ = useQ("board.announcements", { marketCode, limit: 5 }, live);
  const tick = useTick(ROTATE_MS);
  const jobs = list<PublicJob>(ordersQ.data);
  const needs = list<TradeNeed>(needsQ.data);
  const honour = list<HonourEntry>(honourQ.data);
  const news = list<Announcement>(newsQ.data);
  const pages = Math.max(1, Math.ceil(jobs.length / JOBS_PER_SCREEN));
  const error = ordersQ.error ?? needsQ.error;

  useEffect(() => {
    document.title = `${marketName} · ${t("pub.board.docTitle")}`;
    document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  }, [marketName, t, lang]);

  return (
    <div className="board">
      <header className="board-header">
        <h1 data-testid="board-title">{marketName} · {t("board.openJobs")}</h1>
        <Clock />
      </header>
      {error && <div className="board-error">{t.f("pub.board.error", { message: publicErrorText(error, lang, errorInfo(error).message) })}</div>}
      <main className="board-main">
        <section className="board-jobs" aria-label={t("board.openJobs")}>
          <h2>{t("board.openJobs")} <small>{jobs.length > 0 ? t.f("pub.board.pages", { n: jobs.length, p: (tick % pages) + 1, pages }) : ""}</small></h2>
          {ordersQ.isPending && <p className="board-empty">{t("pub.loading")}</p>}
          {!ordersQ.isPending && jobs.length === 0 && <p className="board-empty">{t("pub.board.noJobs")}</p>}
          <div className="board-job-grid">
            {rotatePage(jobs, JOBS_PER_SCREEN, tick).map((j) => (
              <article key={j.id} className="board-job" data-testid="board-job">
                <div className="board-job-trade">{t.pick(j.trade)} <span className="board-job-count">{t.f("pub.headcount", { n: j.headcountLeft })}</span></div>
                <div className="board-job-wage">{wageText(j.wageFen, j.wageUnit, lang)}</div>
                <div className="board-job-line">{dateText(j.startDate, j.endDate, lang)} · {j.township ? `${j.township} ` : ""}{j.place}</div>
                {j.minStars > 0 && <div className="board-job-req">{t.f("pub.minStars", { n: j.minStars })}</div>}
              </article>
            ))}
          </div>
        </section>
        <aside className="board-side">
          <section aria-label={t("board.todayNeeds")}>
            <h2>{t("board.todayNeeds")}</h2>
            {needs.length === 0 ? (
              <p className="board-empty">{t("pub.board.noNeeds")}</p>
            ) : (
              <table className="board-needs">
                <tbody>
                  {needs.slice(0, 8).map((n) => (
                    <tr key={n.trade.code}>
                      <td>{t.pick(n.trade)}</td>
                      <td className="num">{t.f("pub.people", { n: n.headcountLeft })}</td>
                      <td className="num">{n.wages[0] ? wageRangeText(n.wages[0].minFen, n.wages[0].maxFen, n.wages[0].unit, lang) : ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-label={t("board.honour")} className="board-honour">
            <h2>{t("board.honour")}</h2>
            {honour.length === 0 ? (
              <p className="board-empty">—</p>
            ) : (
              <ol>
                {rotatePage(honour, 5, tick).map((h) => (
                  <li key={h.id} data-testid="honour-entry">
                    <span className="board-honour-name">{h.maskedName}</span>
                    <span className="board-honour-stars">{starText(h.stars, lang)}</span>
                    <div className="board-honour-title">{h.title}{h.trade ? ` · ${tradeName(h.trade, lang)}` : ""}</div>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </aside>
      </main>
      <footer className="board-footer">
        {news.length > 0 ? <span className="board-news">{rotatePage(news, 1, tick).map((a) => `【${a.title}】${a.body}`)[0]}</span> : t("pub.board.footer")}
      </footer>
    </div>
  );
}

/** The honour roll names the trade by code and Chinese only; English comes from core's catalogue. */
function tradeName(trade: { code: string; zh: string }, lang: "zh" | "en"): string {
  return lang === "en" ? tradeLabel(trade.code, "en") || trade.zh : trade.zh;
}
