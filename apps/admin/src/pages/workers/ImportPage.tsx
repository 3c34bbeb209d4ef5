import { UploadOutlined } from "@ant-design/icons";
import { maskResidentId } from "@lingong/core";
import { Alert, Button, Card, Checkbox, Result, Space, Table, Typography } from "antd";
import { useRef, useState } from "react";
import { Link } from "react-router";
import { useConsent } from "./worker-common.tsx";
import { useT } from "../../i18n/index.tsx";
import { trpcClient } from "../../lib/api.ts";
import { gradeLabel, todayShanghai, tradeLabel } from "../../lib/display.ts";
import { errorInfo } from "../../lib/errors.ts";
import { exportXlsx } from "../../lib/excel.ts";
import { IMPORT_HEADERS, parseWorkerSheet, type ImportError, type ParsedSheet } from "../../lib/worker-import.ts";

/** What workers.import answers (errors carry the sheet's Chinese column in `column`). */
interface ServerImportReport {
  ok: boolean;
  imported: number;
  errorCount: number;
  errors: { row: number; field: string; column: string; message: string; messageEn?: string }[];
}

/** Import of existing archives: preview, per-row errors, then one all-or-nothing call. */
export default function ImportPage() {
  const t = useT();
  const [parsed, setParsed] = useState<ParsedSheet | null>(null);
  const [fileName, setFileName] = useState("");
  const [readError, setReadError] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<ImportError[]>([]);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [imported, setImported] = useState<number | null>(null);
  const [consentConfirmed, setConsentConfirmed] = useState(false);
  const consent = useConsent();
  const fileInput = useRef<HTMLInputElement>(null);

  async function onFile(file: File) {
    setReadError(null);
    setServerErrors([]);
    setSubmitError(null);
    setImported(null);
    setFileName(file.name);
    try {
      const { readSheet } = await import("read-excel-file/browser");
      const data = await readSheet(file);
      setParsed(parseWorkerSheet(data as unknown[][], todayShanghai()));
    } catch {
      setParsed(null);
      setReadError(t("desk.imp.readError"));
    }
  }

  async function submit() {
    if (!parsed || !consent.data) return;
    setBusy(true);
    setSubmitError(null);
    try {
      // The server checks every row again (and against the archive); any error and it imports nothing.
      const res = (await trpcClient.mutation("workers.import", { consentVersion: consent.data.version, consentGiven: consentConfirmed, rows: parsed.rows })) as ServerImportReport;
      if (res.ok) setImported(res.imported);
      else {
        setServerErrors(res.errors.map((e) => ({ row: e.row, field: e.column || e.field, message: e.message, messageEn: e.messageEn })));
        setSubmitError(t.f("desk.imp.serverErrors", { n: res.errorCount }));
      }
    } catch (err) {
      const info = errorInfo(err, t.lang);
      setSubmitError(t.f("desk.imp.nothingImported", { message: info.message }));
    } finally {
      setBusy(false);
    }
  }

  const errors = [...(parsed?.errors ?? []), ...serverErrors];
  if (imported !== null) {
    return <Result status="success" title={t.f("desk.imp.done", { n: imported })} extra={<Link to="/workers"><Button type="primary">{t("desk.imp.viewArchives")}</Button></Link>} />;
  }
  return (
    <div>
      <h1 className="page-title">{t("desk.imp.title")}</h1>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space orientation="vertical">
          <Typography.Text>
            {t.f("desk.imp.headers", { headers: Object.keys(IMPORT_HEADERS).join("、") })}
          </Typography.Text>
          <Space>
            {/* A real Button opens the hidden picker: a styled <label> lost antd's styles (its hashed class). */}
            <Button type="primary" icon={<UploadOutlined />} onClick={() => fileInput.current?.click()}>{t("desk.imp.pickFile")}</Button>
            <input ref={fileInput} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" style={{ display: "none" }} data-testid="import-file"
              onChange={(e) => { const f = e.target.files?.[0]; if (f) void onFile(f); e.target.value = ""; }} />
            <Button onClick={() => void exportXlsx(t("desk.imp.templateFile"), Object.keys(IMPORT_HEADERS).map((h) => ({ title: h, value: () => "" })), [])}>{t("desk.imp.template")}</Button>
            {fileName && <Typography.Text type="secondary">{fileName}</Typography.Text>}
          </Space>
        </Space>
      </Card>
      {readError && <Alert type="error" showIcon title={readError} style={{ marginBottom: 12 }} />}
      {parsed && parsed.missingHeaders.length > 0 && <Alert type="error" showIcon title={t.f("desk.imp.missing", { cols: parsed.missingHeaders.join("、") })} style={{ marginBottom: 12 }} />}
      {submitError && <Alert type="error" showIcon title={submitError} style={{ marginBottom: 12 }} data-testid="import-error" />}
      {parsed && parsed.missingHeaders.length === 0 && (
        <>
          {errors.length > 0 && (
            <Card size="small" title={t.f("desk.imp.errors", { n: errors.length })} style={{ marginBottom: 12 }}>
              <Table<ImportError> size="small" rowKey={(e, i) => `${e.row}-${e.field}-${i}`} dataSource={errors} pagination={{ pageSize: 10, hideOnSinglePage: true }}
                columns={[{ title: t("desk.imp.row"), dataIndex: "row", width: 60 }, { title: t("desk.imp.col"), dataIndex: "field", width: 110 }, { title: t("desk.imp.problem"), dataIndex: "message", render: (v: string, e) => (t.lang === "en" && e.messageEn ? e.messageEn : v) }]} />
            </Card>
          )}
          <Card size="small" title={t.f("desk.imp.preview", { n: parsed.rows.length })}>
            <Table size="small" rowKey="row" dataSource={parsed.rows} pagination={{ pageSize: 10 }} locale={{ emptyText: t("desk.imp.noRows") }}
              columns={[
                { title: t("desk.imp.row"), dataIndex: "row", width: 60 },
                { title: t("worker.name"), dataIndex: "name" },
                { title: t("worker.idNumber"), dataIndex: "idNumber", render: (v: string) => <span className="mono">{maskResidentId(v)}</span> },
                { title: t("desk.trade"), dataIndex: "trades", render: (ts: { tradeCode: string; skillGrade: string }[]) => ts.map((x) => `${tradeLabel(x.tradeCode, t.lang)}(${gradeLabel(x.skillGrade, t.lang)})`).join(t.lang === "en" ? ", " : "、") },
                { title: t("worker.workYears"), dataIndex: "workYears" },
              ]} />
            <div style={{ marginTop: 12 }}>
              <Checkbox checked={consentConfirmed} onChange={(e) => setConsentConfirmed(e.target.checked)} data-testid="import-consent">
                {t.f("desk.imp.consent", { version: consent.data.version })}
              </Checkbox>
            </div>
            <Button type="primary" style={{ marginTop: 12 }} disabled={errors.length > 0 || parsed.rows.length === 0 || !consent.data || !consentConfirmed} loading={busy} onClick={() => void submit()}>
              {t.f("desk.imp.submit", { n: parsed.rows.length })}
            </Button>
          </Card>
        </>
      )}
    </div>
  );
}
