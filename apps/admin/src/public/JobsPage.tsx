import { shanghaiDate } from "@lingong/core";
import { useEffect, useState } from "react";
import { useT } from "../i18n/index.tsx";
import { callQuery, useQ } from "../lib/api.ts";
import { errorInfo } from "../lib/errors.ts";
import { LeaderboardPanel } from "./LeaderboardPanel.tsx";
import { LangToggle } from "./LangToggle.tsx";
import { copyText, dateText, jobsTextEn, publicErrorText, publicMarketCode, wageText, type PublicJob } from "./public-common.ts";
import { useMarketName } from "./use-market-name.ts";
import "./jobs.css";

/**
 * Phone-sized job list for workers (R2, R8) with "copy for the WeChat group" per order and for the
 * whole list, in the page's language: the Chinese text comes from the server's board.jobsText so
 * every channel says the same; the English one is made here from the same jobs.
 */
export default function JobsPage() {
  const t = useT();
  const lang = t.lang;
  const marketCode = publicMarketCode();
  const marketName = useMarketName(marketCode) ?? t("pub.marketFallback");
  const q = useQ("board.openOrders", { marketCode, limit: 100 }, { refetchInterval: 60_000 });
  const jobs = (Array.isArray(q.data) ? q.data : []) as PublicJob[];
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${marketName} · ${t("pub.jobs.docTitle")}`;
    document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  }, [marketName, t, lang]);

  async function copy(orderId?: string) {
    setNote(null);
    try {
      let text: string;
      if (lang === "en") text = jobsTextEn(marketName, shanghaiDate(new Date()), jobs, orderId);
      else {
        const res = (await callQuery("board.jobsText", { marketCode, ...(orderId ? { orderId } : {}) })) as { text?: string } | string;
        text = typeof res === "string" ? res : (res.text ?? "");
      }
      setNote((await copyText(text)) ? t("jobs.copied") : t("pub.jobs.copyFailed"));
    } catch (err) {
      setNote(t.f("pub.jobs.copyError", { message: publicErrorText(err, lang, errorInfo(err).message) }));
    }
  }

  return (
    <div className="jobs">
      <header className="jobs-header">
        <LangToggle />
        <h1 data-testid="jobs-title">{marketName} · {t("pub.jobs.docTitle")}</h1>
        <button type="button" className="jobs-copy-all" onClick={() => void copy()} disabled={jobs.length === 0} data-testid="copy-all">{t("jobs.copyAll")}</button>
      </header>
      {note && <div className="jobs-note" role="status">{note}</div>}
      {q.isPending && <p className="jobs-empty">{t("pub.loading")}</p>}
      {q.error && <p className="jobs-error">{t.f("pub.jobs.loadError", { message: publicErrorText(q.error, lang, errorInfo(q.error).message) })} <button type="button" onClick={() => void q.refetch()}>{t("common.retry")}</button></p>}
      {!q.isPending && !q.error && jobs.length === 0 && <p className="jobs-empty">{t("pub.jobs.emptyBefore")} <a href="/register">{t("pub.jobs.emptyLink")}</a>{t("pub.jobs.emptyAfter")}</p>}
      <ul className="jobs-list">
        {jobs.map((j) => (
          <li key={j.id} className="jobs-item" data-testid="job-item">
            <div className="jobs-item-head">
              <strong>{t.pick(j.trade)}</strong>
              <span className="jobs-wage">{wageText(j.wageFen, j.wageUnit, lang)}</span>
            </div>
            <div>{t.f("pub.headcount", { n: j.headcountLeft })} · {dateText(j.startDate, j.endDate, lang)}</div>
            <div>{t.f("pub.jobs.place", { place: `${j.township ? `${j.township} ` : ""}${j.place}` })}</div>
            {j.minStars > 0 && <div className="jobs-req">{t.f("pub.minStars", { n: j.minStars })}</div>}
            <button type="button" onClick={() => void copy(j.id)} data-testid="copy-one">{t("jobs.copy")}</button>
          </li>
        ))}
      </ul>
      <LeaderboardPanel marketCode={marketCode} />
      <footer className="jobs-footer">
        <a href="/register">{t("pub.jobs.preRegister")}</a> · {t("pub.jobs.free")}
      </footer>
    </div>
  );
}
