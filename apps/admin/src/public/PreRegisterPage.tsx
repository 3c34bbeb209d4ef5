import { isMainlandMobile, TRADES } from "@lingong/core";
import { useState, type FormEvent } from "react";
import { trpcClient } from "../lib/api.ts";
import { CONSENT } from "../lib/consent.ts";
import { errorInfo } from "../lib/errors.ts";
import { publicMarketCode } from "./public-common.ts";
import "./jobs.css";

/**
 * Pre-registration from a phone (R8 online channel): name, phone, trades and consent only. The ID
 * card is checked at the counter, where staff complete the archive.
 */
export default function PreRegisterPage() {
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  const [trades, setTrades] = useState<string[]>([]);
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reference, setReference] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!name.trim()) errs.name = "请填写姓名";
    if (!phone.trim()) errs.phone = "请填写手机号";
    else if (!isMainlandMobile(phone)) errs.phone = "手机号格式不正确（应为11位，以1开头）";
    if (!consent) errs.consentGiven = "请阅读并同意个人信息处理规则";
    setErrors(errs);
    setServerError(null);
    if (Object.keys(errs).length > 0) return;
    setBusy(true);
    try {
      const res = (await trpcClient.mutation("workers.preRegister", { marketCode: publicMarketCode(), name: name.trim(), phone: phone.trim(), trades, consentVersion: CONSENT.version, consentGiven: consent })) as { reference: string };
      setReference(res.reference);
    } catch (err) {
      const info = errorInfo(err);
      const field = info.field?.[0];
      if (typeof field === "string" && ["name", "phone", "trades", "consentGiven"].includes(field)) setErrors({ [field]: info.message });
      else setServerError(info.message);
    } finally {
      setBusy(false);
    }
  }

  if (reference) {
    return (
      <div className="jobs">
        <h1 style={{ fontSize: 22 }}>预登记成功</h1>
        <p>登记号：<strong className="mono" data-testid="prereg-ref">{reference}</strong></p>
        <p>请带上身份证到零工市场服务窗口完成登记。有合适的岗位时，工作人员会打电话联系您。</p>
        <p><a href="/jobs">查看招工信息</a></p>
      </div>
    );
  }

  return (
    <form className="jobs prereg" onSubmit={(e) => void submit(e)} noValidate>
      <h1 style={{ fontSize: 22 }}>零工求职预登记</h1>
      <p style={{ color: "#555" }}>只需填写姓名、手机号和想做的工种。身份证请到服务窗口核验。</p>
      {serverError && <div className="jobs-error" role="alert">{serverError}</div>}
      <label className="prereg-field">
        <span>姓名</span>
        <input autoFocus value={name} onChange={(e) => setName(e.target.value)} maxLength={50} autoComplete="name" aria-invalid={!!errors.name} />
        {errors.name && <em role="alert">{errors.name}</em>}
      </label>
      <label className="prereg-field">
        <span>手机号</span>
        <input value={phone} onChange={(e) => setPhone(e.target.value)} inputMode="tel" maxLength={20} autoComplete="tel" aria-invalid={!!errors.phone} />
        {errors.phone && <em role="alert">{errors.phone}</em>}
      </label>
      <fieldset className="prereg-field">
        <legend>想做的工种（可多选）</legend>
        <div className="prereg-trades">
          {TRADES.map((t) => (
            <label key={t.code}>
              <input type="checkbox" checked={trades.includes(t.code)} onChange={(e) => setTrades(e.target.checked ? [...trades, t.code] : trades.filter((x) => x !== t.code))} />
              {t.zh}
            </label>
          ))}
        </div>
      </fieldset>
      <details className="prereg-consent">
        <summary>个人信息处理规则（版本 {CONSENT.version}）</summary>
        <p style={{ whiteSpace: "pre-wrap" }}>{CONSENT.text}</p>
      </details>
      <label className="prereg-check">
        <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} /> 我已阅读并同意上述规则
      </label>
      {errors.consentGiven && <em role="alert" className="prereg-err">{errors.consentGiven}</em>}
      <button type="submit" className="jobs-copy-all" disabled={busy}>{busy ? "提交中…" : "提交预登记"}</button>
    </form>
  );
}
