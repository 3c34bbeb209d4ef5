import { useState } from "react";
import { callQuery, useQ } from "../lib/api.ts";
import { errorInfo } from "../lib/errors.ts";
import { LeaderboardPanel } from "./LeaderboardPanel.tsx";
import { copyText, dateText, publicMarketCode, wageText, type PublicJob } from "./public-common.ts";
import "./jobs.css";

/**
 * Phone-sized job list for workers (R2, R8) with "copy for the WeChat group" per order and for the
 * whole list; the text comes from the server's board.jobsText so every channel says the same.
 */
export default function JobsPage() {
  const marketCode = publicMarketCode();
  const q = useQ("board.openOrders", { marketCode, limit: 100 }, { refetchInterval: 60_000 });
  const jobs = (Array.isArray(q.data) ? q.data : []) as PublicJob[];
  const [note, setNote] = useState<string | null>(null);

  async function copy(orderId?: string) {
    setNote(null);
    try {
      const res = (await callQuery("board.jobsText", { marketCode, ...(orderId ? { orderId } : {}) })) as { text?: string } | string;
      const text = typeof res === "string" ? res : (res.text ?? "");
      setNote((await copyText(text)) ? "已复制，可粘贴到微信群" : "复制失败，请长按文字手动复制");
    } catch (err) {
      setNote(`复制失败：${errorInfo(err).message}`);
    }
  }

  return (
    <div className="jobs">
      <header className="jobs-header">
        <h1>零工市场 · 今日岗位</h1>
        <button type="button" className="jobs-copy-all" onClick={() => void copy()} disabled={jobs.length === 0} data-testid="copy-all">复制今日全部岗位</button>
      </header>
      {note && <div className="jobs-note" role="status">{note}</div>}
      {q.isPending && <p className="jobs-empty">正在加载…</p>}
      {q.error && <p className="jobs-error">加载失败：{errorInfo(q.error).message} <button type="button" onClick={() => void q.refetch()}>重试</button></p>}
      {!q.isPending && !q.error && jobs.length === 0 && <p className="jobs-empty">暂无招工信息。可以先 <a href="/register">在线预登记</a>，有合适岗位时工作人员会联系您。</p>}
      <ul className="jobs-list">
        {jobs.map((j) => (
          <li key={j.id} className="jobs-item" data-testid="job-item">
            <div className="jobs-item-head">
              <strong>{j.trade.zh}</strong>
              <span className="jobs-wage">{wageText(j.wageFen, j.wageUnit)}</span>
            </div>
            <div>招 {j.headcountLeft} 人 · {dateText(j.startDate, j.endDate)}</div>
            <div>地点：{j.township ? `${j.township} ` : ""}{j.place}</div>
            {j.minStars > 0 && <div className="jobs-req">要求：{j.minStars} 星及以上</div>}
            <button type="button" onClick={() => void copy(j.id)} data-testid="copy-one">复制到微信群</button>
          </li>
        ))}
      </ul>
      <LeaderboardPanel marketCode={marketCode} />
      <footer className="jobs-footer">
        <a href="/register">在线预登记求职</a> · 公益服务，不收费
      </footer>
    </div>
  );
}
