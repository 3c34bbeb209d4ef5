import { EyeOutlined, PrinterOutlined } from "@ant-design/icons";
import { App, Button, Card, Descriptions, Form, Input, Modal, Space, Table, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { useParams } from "react-router";
import { QueryState } from "../../components/QueryState.tsx";
import { Reasons } from "../../components/Reasons.tsx";
import { useT } from "../../i18n/index.tsx";
import { trpcClient, useQ } from "../../lib/api.ts";
import { formatFen } from "@lingong/core";
import { genderLabel, gradeLabel, shanghaiDateTime, starText, tradeLabel } from "../../lib/display.ts";
import { errorInfo } from "../../lib/errors.ts";
import { useCan } from "../../lib/session.ts";
import type { Out } from "../../lib/api-types.ts";
import { STATUS_LABELS } from "./worker-common.tsx";

type Row = Record<string, unknown>;
type Archive = Out<"workers.get">;

const pct = (v: unknown) => (typeof v === "number" ? `${(v * 100).toFixed(1)}%` : "—");
const when = shanghaiDateTime;
const DISPATCH_STATUS: Record<string, string> = { assigned: "已派工", started: "进行中", completed: "已完工", no_show: "未到岗", cancelled: "已取消" };
const CONDUCT: Record<string, string> = { no_show: "未到岗", late_cancellation: "临时取消", upheld_complaint: "投诉属实", malicious_work: "恶意施工" };
const GRADE_KIND: Record<string, string> = { initial: "初始评定", review: "定期评定", sanction: "处罚降星", reward: "奖励晋星", reversal: "撤销更正", manual: "人工调整" };

/** Table for a history tab: any list the API returns, with sensible columns. */
function HistoryTable({ rows, columns, empty }: { rows: Row[] | undefined; columns: { title: string; key: string; render?: (r: Row) => React.ReactNode }[]; empty: string }) {
  return (
    <Table<Row>
      size="small"
      rowKey={(r, i) => String(r.id ?? i)}
      dataSource={rows ?? []}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: empty }}
      columns={columns.map((c) => ({ title: c.title, key: c.key, render: (_: unknown, r: Row) => (c.render ? c.render(r) : String(r[c.key] ?? "")) }))}
    />
  );
}

export default function WorkerArchivePage() {
  const { id = "" } = useParams();
  const t = useT();
  const q = useQ("workers.get", { workerId: id });
  const canReveal = useCan("workers.revealIdNumber");
  const [revealOpen, setRevealOpen] = useState(false);
  const [revealed, setRevealed] = useState<string | null>(null);
  const a: Archive | undefined = q.data;
  const w = a?.profile;
  const asRows = (v: unknown) => (Array.isArray(v) ? (v as Row[]) : []);
  const extra = (a ?? {}) as Record<string, unknown>;

  return (
    <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()}>
      {w && (
        <div>
          <Space className="no-print" style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }}>
            <h1 className="page-title" style={{ margin: 0 }}>
              <Typography.Text>{w.name}</Typography.Text> <Typography.Text type="secondary" className="mono">{w.workerNo}</Typography.Text>{" "}
              <Tag color={STATUS_LABELS[w.status]?.color}>{STATUS_LABELS[w.status]?.zh ?? w.status}</Tag>
            </h1>
            <Space>
              {canReveal && (
                <Button icon={<EyeOutlined />} onClick={() => setRevealOpen(true)} data-testid="reveal-id">
                  查看完整身份证号
                </Button>
              )}
              <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
                打印档案卡
              </Button>
            </Space>
          </Space>
          <Card className="archive-card" size="small" style={{ marginBottom: 12 }}>
            <div className="print-only" style={{ fontSize: "16pt", fontWeight: 700, textAlign: "center", marginBottom: 8 }}>零工档案卡</div>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2, lg: 3 }}
              bordered
              items={[
                { key: "no", label: t("worker.no"), children: <span className="mono">{w.workerNo}</span> },
                { key: "name", label: t("worker.name"), children: <Typography.Text data-testid="archive-name">{w.name}</Typography.Text> },
                { key: "g", label: t("worker.gender"), children: genderLabel(w.gender) },
                { key: "age", label: t("worker.age"), children: w.age ?? "" },
                { key: "id", label: t("worker.idNumber"), children: <span className="mono" data-testid="archive-id">{revealed ?? w.idNumberMasked}</span> },
                { key: "phone", label: t("worker.phone"), children: <span className="mono">{w.phoneMasked}</span> },
                { key: "hukou", label: t("worker.hukou"), children: w.hukou ?? "" },
                { key: "home", label: t("worker.homeAddress"), children: a?.hasHomeAddress ? "已登记（加密保存）" : "未登记" },
                { key: "temp", label: t("worker.tempAddress"), children: w.tempAddress ?? "" },
                { key: "birth", label: t("worker.birthDate"), children: w.birthDate ?? "" },
                { key: "star", label: t("worker.star"), children: <strong>{starText(w.stars)}</strong> },
                { key: "years", label: t("worker.workYears"), children: `${w.workYears ?? 0} 年` },
                { key: "sat", label: "满意率", children: pct(extra.satisfactionRate) },
                { key: "comp", label: "投诉率", children: pct(extra.complaintRate) },
                { key: "consent", label: "同意书版本", children: w.consentVersion ?? "" },
                {
                  key: "trades",
                  label: t("worker.trades"),
                  span: 3,
                  children: w.trades.map((x) => <Tag key={x.code}>{tradeLabel(x.code, t.lang)} · {gradeLabel(x.skillGrade, t.lang)}</Tag>),
                },
                { key: "hist", label: t("worker.history"), span: 3, children: <span style={{ whiteSpace: "pre-wrap" }}>{w.workHistory ?? ""}</span> },
              ]}
            />
          </Card>
          <Tabs
            className="no-print"
            items={[
              { key: "changes", label: "变更记录", children: <HistoryTable rows={asRows(a?.changes)} empty="暂无变更" columns={[
                { title: "时间", key: "createdAt", render: (r) => when(r.createdAt) },
                { title: "原因", key: "reason" },
                { title: "变更前", key: "before", render: (r) => <span className="mono">{JSON.stringify(r.before ?? {})}</span> },
                { title: "变更后", key: "after", render: (r) => <span className="mono">{JSON.stringify(r.after ?? {})}</span> },
              ]} /> },
              { key: "dispatches", label: "派工记录", children: <HistoryTable rows={asRows(a?.dispatches)} empty="暂无派工" columns={[
                { title: "开始", key: "startsAt", render: (r) => when(r.startsAt) },
                { title: "需求单号", key: "orderNo" },
                { title: "工种", key: "tradeCode", render: (r) => tradeLabel(String(r.tradeCode ?? ""), t.lang) },
                { title: "地点", key: "place" },
                { title: "工资", key: "agreedWageFen", render: (r) => (typeof r.agreedWageFen === "number" ? formatFen(r.agreedWageFen) : "") },
                { title: "状态", key: "status", render: (r) => DISPATCH_STATUS[String(r.status)] ?? String(r.status ?? "") },
                { title: "工资到账确认", key: "paid", render: (r) => (r.paidConfirmedAt ? when(r.paidConfirmedAt) : "未确认") },
              ]} /> },
              { key: "ratings", label: "评价记录", children: <HistoryTable rows={asRows(extra.ratings ?? extra.followups)} empty="暂无评价" columns={[
                { title: "时间", key: "createdAt", render: (r) => when(r.createdAt) },
                { title: "满意", key: "satisfied", render: (r) => (r.satisfied === true ? "满意" : r.satisfied === false ? "不满意" : "") },
                { title: "备注", key: "note" },
              ]} /> },
              { key: "grades", label: "星级变动", children: <HistoryTable rows={asRows(a?.gradeHistory)} empty="暂无星级变动" columns={[
                { title: "时间", key: "createdAt", render: (r) => when(r.createdAt) },
                { title: "类别", key: "kind", render: (r) => GRADE_KIND[String(r.kind)] ?? String(r.kind ?? "") },
                { title: "变动", key: "change", render: (r) => `${r.fromGrade === null || r.fromGrade === undefined ? "—" : starText(Number(r.fromGrade))} → ${starText(Number(r.toGrade ?? 0))}` },
                { title: "原因", key: "reasons", render: (r) => <Reasons reasons={r.reasons as never} /> },
              ]} /> },
              { key: "conduct", label: "奖惩与记录", children: <HistoryTable rows={[...asRows(a?.conductEvents), ...asRows(extra.sanctions), ...asRows(extra.rewards)]} empty="暂无奖惩记录" columns={[
                { title: "日期", key: "occurredOn", render: (r) => String(r.occurredOn ?? "") || when(r.createdAt) },
                { title: "类别", key: "kind", render: (r) => CONDUCT[String(r.kind)] ?? String(r.kind ?? "") },
                { title: "来源", key: "source" },
                { title: "说明", key: "note", render: (r) => String(r.note ?? r.reason ?? "") },
              ]} /> },
              { key: "rentals", label: "工具租借", children: <HistoryTable rows={asRows(extra.rentals)} empty="暂无租借" columns={[
                { title: "工具", key: "toolName" },
                { title: "借出", key: "lentAt", render: (r) => when(r.lentAt) },
                { title: "归还", key: "returnedAt", render: (r) => when(r.returnedAt) || "未还" },
              ]} /> },
              { key: "trainings", label: "培训", children: <HistoryTable rows={asRows(extra.trainings)} empty="暂无培训" columns={[
                { title: "课程", key: "courseName" },
                { title: "状态", key: "status" },
              ]} /> },
              { key: "complaints", label: "投诉", children: <HistoryTable rows={asRows(extra.complaints)} empty="暂无投诉" columns={[
                { title: "时间", key: "createdAt", render: (r) => when(r.createdAt) },
                { title: "类别", key: "category" },
                { title: "状态", key: "status" },
              ]} /> },
              { key: "documents", label: "证件照片", children: <HistoryTable rows={asRows(a?.documents)} empty="未上传证件照片" columns={[
                { title: "类别", key: "kind", render: (r) => ({ id_front: "身份证正面", id_back: "身份证反面", photo: "本人照片" })[String(r.kind)] ?? String(r.kind) },
                { title: "大小", key: "sizeBytes", render: (r) => `${Math.round(Number(r.sizeBytes ?? 0) / 1024)} KB` },
                { title: "上传时间", key: "createdAt", render: (r) => when(r.createdAt) },
              ]} /> },
            ]}
          />
          <RevealModal workerId={w.id} open={revealOpen} onClose={() => setRevealOpen(false)} onRevealed={setRevealed} />
        </div>
      )}
    </QueryState>
  );
}

/** Reveal asks for a reason; the server audits it (PIPL 28, 51). */
function RevealModal({ workerId, open, onClose, onRevealed }: { workerId: string; open: boolean; onClose: () => void; onRevealed: (id: string) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  async function submit({ reason }: { reason: string }) {
    setBusy(true);
    try {
      const res = (await trpcClient.mutation("workers.revealIdNumber", { workerId, reason: reason.trim() })) as Out<"workers.revealIdNumber">;
      const value = res.idNumber;
      onRevealed(value);
      form.resetFields();
      onClose();
      message.info("已记录本次查看");
    } catch (err) {
      const info = errorInfo(err);
      form.setFields([{ name: "reason", errors: [info.message] }]);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal title="查看完整身份证号" open={open} onCancel={onClose} onOk={() => form.submit()} okText="查看" confirmLoading={busy} destroyOnHidden>
      <Typography.Paragraph type="secondary">查看将被记录在审计日志中，请写明用途。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="reason" label="查看原因" rules={[{ required: true, whitespace: true, message: "请填写查看原因" }, { min: 2, message: "查看原因至少2个字" }]}>
          <Input autoFocus placeholder="如：核对社保信息" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
