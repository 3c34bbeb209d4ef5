import { useQ } from "../lib/api.ts";
import { errorInfo } from "../lib/errors.ts";

interface PublicLeader {
  rank: number;
  maskedName: string;
  stars: number;
  trade: { code: string; zh: string; en: string } | null;
  jobs: number;
  satisfactionPercent: number;
}

/**
 * R4 优秀榜 on the phone job list: the server's allow-listed board (consenting workers only,
 * surname only). Text is rendered as text, never as HTML.
 */
export function LeaderboardPanel({ marketCode }: { marketCode: string }) {
  const q = useQ("board.leaderboard", { marketCode, limit: 10 }, { refetchInterval: 300_000 });
  const data = q.data as { windowDays: number; entries: PublicLeader[] } | undefined;
  const rows = data?.entries ?? [];
  return (
    <section className="jobs-leaders" aria-labelledby="jobs-leaders-title" data-testid="leaderboard-panel">
      <h2 id="jobs-leaders-title">优秀零工榜</h2>
      <p className="jobs-leaders-note">近 {data?.windowDays ?? 90} 天完成单数多、雇主回访满意率高的零工（经本人同意展示）</p>
      {q.isPending && <p className="jobs-empty">正在加载…</p>}
      {q.error && <p className="jobs-error">加载失败：{errorInfo(q.error).message}</p>}
      {!q.isPending && !q.error && rows.length === 0 && <p className="jobs-empty">本期优秀榜正在评选中。</p>}
      <ol className="jobs-leaders-list">
        {rows.map((r) => (
          <li key={r.rank} data-testid="leader-item">
            <span className="jobs-leaders-rank">{r.rank}</span>
            <span className="jobs-leaders-name">{r.maskedName}</span>
            <span className="jobs-leaders-trade">{r.trade?.zh ?? ""}</span>
            <span className="jobs-leaders-stars" aria-label={`${r.stars} 星`}>{r.stars > 0 ? "★".repeat(r.stars) : "无星"}</span>
            <span className="jobs-leaders-figures">{r.jobs} 单 · 满意 {r.satisfactionPercent}%</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
