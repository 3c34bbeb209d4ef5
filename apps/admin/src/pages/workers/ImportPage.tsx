import { UploadOutlined } from "@ant-design/icons";
import { maskResidentId } from "@lingong/core";
import { Alert, Button, Card, Checkbox, Result, Space, Table, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { useConsent } from "./worker-common.tsx";
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
  errors: { row: number; field: string; column: string; message: string }[];
}

/** Import of existing archives: preview, per-row errors, then one all-or-nothing call. */
export default function ImportPage() {
  const [parsed, setParsed] = useState<ParsedSheet | null>(null);
  const [fileName, setFileName] = useState("");
  const [readError, setReadError] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<ImportError[]>([]);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [imported, setImported] = useState<number | null>(null);
  const [consentConfirmed, setConsentConfirmed] = useState(false);
  const consent = useConsent();

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
      setReadError("无法读取该文件，请确认是 .xlsx 格式的 Excel 表格");
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
        setServerErrors(res.errors.map((e) => ({ row: e.row, field: e.column || e.field, message: e.message })));
        setSubmitError(`服务器校验发现 ${res.errorCount} 处错误，未导入任何记录`);
      }
    } catch (err) {
      const info = errorInfo(err);
      setSubmitError(`${info.message}（未导入任何记录）`);
    } finally {
      setBusy(false);
    }
  }

  const errors = [...(parsed?.errors ?? []), ...serverErrors];
  if (imported !== null) {
    return <Result status="success" title={`已导入 ${imported} 名零工`} extra={<Link to="/workers"><Button type="primary">查看零工档案</Button></Link>} />;
  }
  return (
    <div>
      <h1 className="page-title">批量导入零工档案</h1>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space orientation="vertical">
          <Typography.Text>
            表头（第一行）：{Object.keys(IMPORT_HEADERS).join("、")}。其中姓名、身份证号、手机号、工种为必填；多个工种用“、”分隔，技术等级按相同顺序填写。
          </Typography.Text>
          <Space>
            <label className="ant-btn ant-btn-primary" style={{ display: "inline-flex", alignItems: "center", gap: 6, padding: "4px 15px", cursor: "pointer" }}>
              <UploadOutlined /> 选择 Excel 文件
              <input type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" style={{ display: "none" }} data-testid="import-file"
                onChange={(e) => { const f = e.target.files?.[0]; if (f) void onFile(f); e.target.value = ""; }} />
            </label>
            <Button onClick={() => void exportXlsx("零工档案导入模板.xlsx", Object.keys(IMPORT_HEADERS).map((h) => ({ title: h, value: () => "" })), [])}>下载模板</Button>
            {fileName && <Typography.Text type="secondary">{fileName}</Typography.Text>}
          </Space>
        </Space>
      </Card>
      {readError && <Alert type="error" showIcon title={readError} style={{ marginBottom: 12 }} />}
      {parsed && parsed.missingHeaders.length > 0 && <Alert type="error" showIcon title={`表格缺少必需的列：${parsed.missingHeaders.join("、")}`} style={{ marginBottom: 12 }} />}
      {submitError && <Alert type="error" showIcon title={submitError} style={{ marginBottom: 12 }} data-testid="import-error" />}
      {parsed && parsed.missingHeaders.length === 0 && (
        <>
          {errors.length > 0 && (
            <Card size="small" title={`错误 ${errors.length} 处（改正表格后重新选择文件；有错误时不会导入任何记录）`} style={{ marginBottom: 12 }}>
              <Table<ImportError> size="small" rowKey={(e, i) => `${e.row}-${e.field}-${i}`} dataSource={errors} pagination={{ pageSize: 10, hideOnSinglePage: true }}
                columns={[{ title: "行", dataIndex: "row", width: 60 }, { title: "列", dataIndex: "field", width: 110 }, { title: "问题", dataIndex: "message" }]} />
            </Card>
          )}
          <Card size="small" title={`预览：可导入 ${parsed.rows.length} 行`}>
            <Table size="small" rowKey="row" dataSource={parsed.rows} pagination={{ pageSize: 10 }} locale={{ emptyText: "没有可导入的行" }}
              columns={[
                { title: "行", dataIndex: "row", width: 60 },
                { title: "姓名", dataIndex: "name" },
                { title: "身份证号", dataIndex: "idNumber", render: (v: string) => <span className="mono">{maskResidentId(v)}</span> },
                { title: "工种", dataIndex: "trades", render: (ts: { tradeCode: string; skillGrade: string }[]) => ts.map((x) => `${tradeLabel(x.tradeCode)}(${gradeLabel(x.skillGrade)})`).join("、") },
                { title: "从业年限", dataIndex: "workYears" },
              ]} />
            <div style={{ marginTop: 12 }}>
              <Checkbox checked={consentConfirmed} onChange={(e) => setConsentConfirmed(e.target.checked)} data-testid="import-consent">
                已核对：表中每位零工均已签署《个人信息处理告知同意书》（版本 {consent.data.version}）
              </Checkbox>
            </div>
            <Button type="primary" style={{ marginTop: 12 }} disabled={errors.length > 0 || parsed.rows.length === 0 || !consent.data || !consentConfirmed} loading={busy} onClick={() => void submit()}>
              全部导入（{parsed.rows.length} 人）
            </Button>
          </Card>
        </>
      )}
    </div>
  );
}
