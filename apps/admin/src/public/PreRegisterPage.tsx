import { isMainlandMobile, TRADES } from "@lingong/core";
import { useEffect, useState, type FormEvent } from "react";
import { useT } from "../i18n/index.tsx";
import { trpcClient } from "../lib/api.ts";
import { consentText, CURRENT_CONSENT } from "../lib/consent.ts";
import { errorInfo } from "../lib/errors.ts";
import { LangToggle } from "./LangToggle.tsx";
import { publicErrorText, publicMarketCode } from "./public-common.ts";
import "./jobs.css";

/**
 * Pre-registration from a phone (R8 online channel): name, phone, trades and consent only. The ID
 * card is checked at the counter, where staff complete the archive. Chinese, or English for visitors.
 */
export default function PreRegisterPage() {
  const t = useT();
  const lang = t.lang;
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  const [trades, setTrades] = useState<string[]>([]);
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reference, setReference] = useState<string | null>(null);

  useEffect(() => {
    document.title = t("pre.title");
    document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  }, [t, lang]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!name.trim()) errs.name = t("pre.nameRequired");
    if (!phone.trim()) errs.phone = t("pre.phoneRequired");
    else if (!isMainlandMobile(phone)) errs.phone = t("pre.phoneInvalid");
    if (!consent) errs.consentGiven = t("pre.consentRequired");
    setErrors(errs);
    setServerError(null);
    if (Object.keys(errs).length > 0) return;
    setBusy(true);
    try {
      const res = (await trpcClient.mutation("workers.preRegister", { marketCode: publicMarketCode(), name: name.trim(), phone: phone.trim(), trades, consentVersion: CURRENT_CONSENT.version, consentGiven: consent })) as { reference: string };
      setReference(res.reference);
    } catch (err) {
      const info = errorInfo(err);
      const message = publicErrorText(err, lang, info.message);
      const field = info.field?.[0];
      if (typeof field === "string" && ["name", "phone", "trades", "consentGiven"].includes(field)) setErrors({ [field]: message });
      else setServerError(message);
    } finally {
      setBusy(false);
    }
  }

  if (reference) {
    return (
      <div className="jobs">
        <LangToggle />
        <h1 style={{ fontSize: 22 }}>{t("pre.done")}</h1>
        <p>{t("pre.reference")} <strong className="mono" data-testid="prereg-ref">{reference}</strong></p>
        <p>{t("pre.nextSteps")}</p>
        <p><a href="/jobs">{t("pre.viewJobs")}</a></p>
      </div>
    );
  }

  return (
    <form className="jobs prereg" onSubmit={(e) => void submit(e)} noValidate>
      <LangToggle />
      <h1 style={{ fontSize: 22 }} data-testid="prereg-title">{t("pre.title")}</h1>
      <p style={{ color: "#555" }}>{t("pre.intro")}</p>
      {serverError && <div className="jobs-error" role="alert">{serverError}</div>}
      <label className="prereg-field">
        <span>{t("worker.name")}</span>
        <input autoFocus value={name} onChange={(e) => setName(e.target.value)} maxLength={50} autoComplete="name" aria-invalid={!!errors.name} />
        {errors.name && <em role="alert">{errors.name}</em>}
      </label>
      <label className="prereg-field">
        <span>{t("worker.phone")}</span>
        <input value={phone} onChange={(e) => setPhone(e.target.value)} inputMode="tel" maxLength={20} autoComplete="tel" aria-invalid={!!errors.phone} />
        {errors.phone && <em role="alert">{errors.phone}</em>}
      </label>
      <fieldset className="prereg-field">
        <legend>{t("pre.trades")}</legend>
        <div className="prereg-trades">
          {TRADES.map((tr) => (
            <label key={tr.code}>
              <input type="checkbox" checked={trades.includes(tr.code)} onChange={(e) => setTrades(e.target.checked ? [...trades, tr.code] : trades.filter((x) => x !== tr.code))} />
              {lang === "en" ? tr.en : tr.zh}
            </label>
          ))}
        </div>
      </fieldset>
      <details className="prereg-consent">
        <summary>{t.f("pre.notice", { version: CURRENT_CONSENT.version })}</summary>
        <p style={{ whiteSpace: "pre-wrap" }} data-testid="consent-text">{consentText(CURRENT_CONSENT, lang)}</p>
        {lang === "en" && <p style={{ color: "#555" }}>{t("pre.noticeBinding")}</p>}
      </details>
      <label className="prereg-check">
        <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} /> {t("pre.agree")}
      </label>
      {errors.consentGiven && <em role="alert" className="prereg-err">{errors.consentGiven}</em>}
      <button type="submit" className="jobs-copy-all" disabled={busy}>{busy ? t("pre.submitting") : t("pre.submit")}</button>
    </form>
  );
}
