import { useEffect, useState } from "react";
import { useQ } from "../lib/api.ts";
import { errorInfo } from "../lib/errors.ts";
import { starText, tradeLabel } from "../lib/display.ts";
import { dateText, publicMarketCode, rotatePage, wageText, type HonourEntry, type PublicJob, type TradeNeed } from "./public-common.ts";
import "./board.css";

interface Snapshot {
  market?: { name: string };
  openOrders?: PublicJob[];
  todayNeeds?: TradeNeed[];
  honourRoll?: HonourEntry[];
  generatedAt?: string;
}

const REFRESH_MS = 30_000;
const ROTATE_MS = 10_000;

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

/**
 * The hall's LED screen (R2, M5): open job orders rotating, today's needs by trade, the honour roll.
 * No login; data comes from the public board procedure (allow-listed fields only), refreshed every 30 s.
 */
export default function BoardPage() {
  const marketCode = publicMarketCode();
  const q = useQ("board.snapshot", { marketCode }, { refetchInterval: REFRESH_MS, refetchIntervalInBackground: true, retry: true, staleTime: 0 });
  const tick = useTick(ROTATE_MS);
  const s = (q.data ?? {}) as Snapshot;
  const jobs = s.openOrders ?? [];
  const needs = s.todayNeeds ?? [];
  const honour = s.honourRoll ?? [];
  const jobPage = rotatePage(jobs, 6, tick);
  const honourPage = rotatePage(honour, 5, tick);
  const pages = Math.max(1, Math.ceil(jobs.length / 6));

  useEffect(() => {
    document.title = "零工市场 · 大厅信息屏";
  }, []);

  return (
    <div className="board">
      <header className="board-header">
        <h1>{s.market?.name ?? "零工市场"} · 招工信息</h1>
        <Clock />
      </header>
      {q.error && !q.data && <div className="board-error">信息暂时无法更新：{errorInfo(q.error).message}</div>}
      <main className="board-main">
        <section className="board-jobs" aria-label="招工信息">
          <h2>招工信息 <small>{jobs.length > 0 ? `共 ${jobs.length} 条 · 第 ${(tick % pages) + 1}/${pages} 屏` : ""}</small></h2>
          {q.isPending && <p className="board-empty">正在加载…</p>}
          {!q.isPending && jobs.length === 0 && <p className="board-empty">暂无招工信息，请到服务窗口登记求职</p>}
          <div className="board-job-grid">
            {jobPage.map((j) => (
              <article key={j.id} className="board-job" data-testid="board-job">
                <div className="board-job-trade">{j.tradeZh ?? tradeLabel(j.tradeCode)} <span className="board-job-count">{j.remaining ?? j.headcount} 人</span></div>
                <div className="board-job-wage">{wageText(j.wageFen, j.wageUnit)}</div>
                <div className="board-job-line">{dateText(j.startDate, j.endDate)} · {j.township ? `${j.township} ` : ""}{j.place}</div>
                {j.requirements && <div className="board-job-req">{j.requirements}</div>}
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
                  {needs.map((n) => (
                    <tr key={n.tradeCode}>
                      <td>{n.tradeZh ?? tradeLabel(n.tradeCode)}</td>
                      <td className="num">{n.headcount} 人</td>
                      <td className="num">{n.minWageFen !== undefined ? wageText(n.minWageFen, "day").replace("/天", "") : ""}{n.maxWageFen !== undefined && n.maxWageFen !== n.minWageFen ? `起` : ""}</td>
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
                {honourPage.map((h) => (
                  <li key={h.id} data-testid="honour-entry">
                    <span className="board-honour-name">{h.name}</span>
                    {h.stars !== undefined && <span className="board-honour-stars">{starText(h.stars)}</span>}
                    <div className="board-honour-title">{h.title ?? h.reason ?? (h.trades ?? []).map((t) => tradeLabel(t)).join("、")}</div>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </aside>
      </main>
      <footer className="board-footer">求职登记请到服务窗口 · 手机查看岗位：打开本市场网页“零工岗位” · 公益服务，不收取任何费用</footer>
    </div>
  );
}
