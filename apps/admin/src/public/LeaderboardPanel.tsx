import { useT } from "../i18n/index.tsx";
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
  const t = useT();
  return (
    <section className="jobs-leaders" aria-labelledby="jobs-leaders-title" data-testid="leaderboard-panel">
      <h2 id="jobs-leaders-title">{t("lb.title")}</h2>
      <p className="jobs-leaders-note">{t.f("lb.note", { days: data?.windowDays ?? 90 })}</p>
      {q.isPending && <p className="jobs-empty">{t("lb.loading")}</p>}
      {q.error && <p className="jobs-error">{t("lb.error")}{errorInfo(q.error).message}</p>}
      {!q.isPending && !q.error && rows.length === 0 && <p className="jobs-empty">{t("lb.empty")}</p>}
      <ol className="jobs-leaders-list">
        {rows.map((r) => (
          <li key={r.rank} data-testid="leader-item">
            <span className="jobs-leaders-rank">{r.rank}</span>
            <span className="jobs-leaders-name">{r.maskedName}</span>
            <span className="jobs-leaders-trade">{t.pick(r.trade)}</span>
            <span className="jobs-leaders-stars" aria-label={t.f("lb.stars", { n: r.stars })}>{r.stars > 0 ? "★".repeat(r.stars) : t("lb.noStar")}</span>
            <span className="jobs-leaders-figures">{t.f("lb.figures", { jobs: r.jobs, pct: r.satisfactionPercent })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
