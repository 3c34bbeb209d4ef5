import { useEffect, useState } from "react";
import { useQ } from "../lib/api.ts";
import { errorInfo } from "../lib/errors.ts";
import { starText } from "../lib/display.ts";
import { dateText, publicMarketCode, rotatePage, wageRangeText, wageText, type Announcement, type HonourEntry, type PublicJob, type TradeNeed } from "./public-common.ts";
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
  useTick(1000);
  const now = new Date(Date.now() + 8 * 3_600_000);
  const iso = now.toISOString();
  const week = "日一二三四五六"[now.getUTCDay()];
  return <span className="board-clock">{`${iso.slice(0, 10)} 星期${week} ${iso.slice(11, 16)}`}</span>;
}

const live = { refetchInterval: REFRESH_MS, refetchIntervalInBackground: true, staleTime: 0 } as const;
const list = <T,>(d: unknown): T[] => (Array.isArray(d) ? (d as T[]) : []);

/**
 * The hall's LED screen (R2, M5): open job orders rotating, today's needs by trade, the honour roll
 * and announcements. No login; the public board procedures return allow-listed fields only, and
 * everything is rendered as text. Refreshes itself every 30 s; keeps the last data when offline.
 */
export default function BoardPage() {
  const marketCode = publicMarketCode();
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
    document.title = "零工市场 · 大厅信息屏";
  }, []);

  return (
    <div className="board">
      <header className="board-header">
        <h1>零工市场 · 招工信息</h1>
        <Clock />
      </header>
      {error && <div className="board-error">信息暂时无法更新：{errorInfo(error).message}</div>}
      <main className="board-main">
        <section className="board-jobs" aria-label="招工信息">
          <h2>招工信息 <small>{jobs.length > 0 ? `共 ${jobs.length} 条 · 第 ${(tick % pages) + 1}/${pages} 屏` : ""}</small></h2>
          {ordersQ.isPending && <p className="board-empty">正在加载…</p>}
          {!ordersQ.isPending && jobs.length === 0 && <p className="board-empty">暂无招工信息，请到服务窗口登记求职</p>}
          <div className="board-job-grid">
            {rotatePage(jobs, JOBS_PER_SCREEN, tick).map((j) => (
              <article key={j.id} className="board-job" data-testid="board-job">
                <div className="board-job-trade">{j.trade.zh} <span className="board-job-count">招 {j.headcountLeft} 人</span></div>
                <div className="board-job-wage">{wageText(j.wageFen, j.wageUnit)}</div>
                <div className="board-job-line">{dateText(j.startDate, j.endDate)} · {j.township ? `${j.township} ` : ""}{j.place}</div>
                {j.minStars > 0 && <div className="board-job-req">要求 {j.minStars} 星及以上</div>}
              </article>
            ))}
          </div>
        </section>
        <aside className="board-side">
          <section aria-label="今日用工需求">
            <h2>今日用工需求</h2>
            {needs.length === 0 ? (
              <p className="board-empty">今日暂无</p>
            ) : (
              <table className="board-needs">
                <tbody>
                  {needs.slice(0, 8).map((n) => (
                    <tr key={n.trade.code}>
                      <td>{n.trade.zh}</td>
                      <td className="num">{n.headcountLeft} 人</td>
                      <td className="num">{n.wages[0] ? wageRangeText(n.wages[0].minFen, n.wages[0].maxFen, n.wages[0].unit) : ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-label="荣誉榜" className="board-honour">
            <h2>荣誉榜</h2>
            {honour.length === 0 ? (
              <p className="board-empty">—</p>
            ) : (
              <ol>
                {rotatePage(honour, 5, tick).map((h) => (
                  <li key={h.id} data-testid="honour-entry">
                    <span className="board-honour-name">{h.maskedName}</span>
                    <span className="board-honour-stars">{starText(h.stars)}</span>
                    <div className="board-honour-title">{h.title}{h.trade ? ` · ${h.trade.zh}` : ""}</div>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </aside>
      </main>
      <footer className="board-footer">
        {news.length > 0 ? <span className="board-news">{rotatePage(news, 1, tick).map((a) => `【${a.title}】${a.body}`)[0]}</span> : "求职登记请到服务窗口 · 公益服务，不收取任何费用"}
      </footer>
    </div>
  );
}
