import { EditOutlined, EyeOutlined, PrinterOutlined } from "@ant-design/icons";
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_STATUS_LABELS, REWARD_KIND_LABELS, SANCTION_STATUS_LABELS } from "../ops/labels.ts";
import { label } from "../ops/ops-common.tsx";
import { offenceLabel, stepLabel } from "../sanctions/ladder.tsx";
import { EditWorkerDrawer } from "./EditWorkerDrawer.tsx";
import { describeChange } from "../../lib/changes.ts";
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
  // Per-worker records from the other routers, each only where the role may read it.
  const canFollowups = useCan("followups.listByWorker");
  const canSanctions = useCan("sanctions.list");
  const canRewards = useCan("rewards.list");
  const canRentals = useCan("rentals.list");
  const canTraining = useCan("training.byWorker");
  const canComplaints = useCan("complaints.list");
  const canEdit = useCan("workers.update");
  const [editOpen, setEditOpen] = useState(false);
  const followupsQ = useQ("followups.listByWorker", { workerId: id }, { enabled: canFollowups });
  const sanctionsQ = useQ("sanctions.list", { workerId: id, limit: 100 }, { enabled: canSanctions });
  const rewardsQ = useQ("rewards.list", { workerId: id, limit: 100 }, { enabled: canRewards });
  const rentalsQ = useQ("rentals.list", { workerId: id, limit: 100 }, { enabled: canRentals });
  const trainingQ = useQ("training.byWorker", { workerId: id }, { enabled: canTraining });
  const complaintsQ = useQ("complaints.list", { workerId: id, limit: 100 }, { enabled: canComplaints });
  const canReveal = useCan("workers.revealIdNumber");
  const [revealOpen, setRevealOpen] = useState(false);
  const [revealed, setRevealed] = useState<string | null>(null);
  const a: Archive | undefined = q.data;
  const w = a?.profile;
  const asRows = (v: unknown) => (Array.isArray(v) ? (v as Row[]) : []);
  const extra = (a ?? {}) as Record<string, unknown>;
  const rated = asRows(followupsQ.data);
  const satisfied = rated.filter((r) => r.satisfied === true).length;

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
              {canEdit && <Button icon={<EditOutlined />} onClick={() => setEditOpen(true)} data-testid="edit-worker">更新档案</Button>}
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
                { key: "id", label: t("worker.idNumber"), children: (
                  <>
                    <span className={revealed ? "mono no-print" : "mono"} data-testid="archive-id">{revealed ?? w.idNumberMasked}</span>
                    {/* a printed card never carries the full number, even after a reveal */}
                    {revealed && <span className="mono print-only-inline">{w.idNumberMasked}</span>}
                  </>
                ) },
                { key: "phone", label: t("worker.phone"), children: <span className="mono">{w.phoneMasked}</span> },
                { key: "hukou", label: t("worker.hukou"), children: w.hukou ?? "" },
                { key: "home", label: t("worker.homeAddress"), children: a?.hasHomeAddress ? "已登记（加密保存）" : "未登记" },
                { key: "temp", label: t("worker.tempAddress"), children: w.tempAddress ?? "" },
                { key: "birth", label: t("worker.birthDate"), children: w.birthDate ?? "" },
                { key: "star", label: t("worker.star"), children: <strong>{starText(w.stars)}</strong> },
                { key: "years", label: t("worker.workYears"), children: `${w.workYears ?? 0} 年` },
                { key: "sat", label: "满意率", children: rated.length ? `${pct(satisfied / rated.length)}（${satisfied}/${rated.length} 次回访）` : pct(extra.satisfactionRate) },
                { key: "comp", label: "投诉", children: canComplaints ? `${asRows(complaintsQ.data).length} 件` : "—" },
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
                { title: "变更内容", key: "diff", render: (r) => <ul className="reason-list">{describeChange(r.before, r.after).map((line) => <li key={line}>{line}</li>)}</ul> },
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
              { key: "ratings", label: "回访评价", children: <HistoryTable rows={rated} empty="暂无回访评价" columns={[
                { title: "回访时间", key: "visitedAt", render: (r) => when(r.visitedAt) },
                { title: "用工方", key: "employerName" },
                { title: "态度", key: "attitude", render: (r) => `${String(r.attitude ?? "")} 分` },
                { title: "质量", key: "quality", render: (r) => `${String(r.quality ?? "")} 分` },
                { title: "满意", key: "satisfied", render: (r) => (r.satisfied === true ? "满意" : r.satisfied === false ? "不满意" : "") },
                { title: "记录", key: "comment" },
                { title: "回访人", key: "visitedByName" },
              ]} /> },
              { key: "grades", label: "星级变动", children: <HistoryTable rows={asRows(a?.gradeHistory)} empty="暂无星级变动" columns={[
                { title: "时间", key: "createdAt", render: (r) => when(r.createdAt) },
                { title: "类别", key: "kind", render: (r) => GRADE_KIND[String(r.kind)] ?? String(r.kind ?? "") },
                { title: "变动", key: "change", render: (r) => `${r.fromGrade === null || r.fromGrade === undefined ? "—" : starText(Number(r.fromGrade))} → ${starText(Number(r.toGrade ?? 0))}` },
                { title: "原因", key: "reasons", render: (r) => <Reasons reasons={r.reasons as never} /> },
              ]} /> },
              { key: "conduct", label: "奖惩", children: (
                <>
                  <HistoryTable rows={asRows(sanctionsQ.data)} empty="暂无处罚" columns={[
                    { title: "日期", key: "occurredOn" },
                    { title: "事由", key: "offence", render: (r) => offenceLabel(String(r.offence ?? ""), t.lang) },
                    { title: "处理（阶梯）", key: "step", render: (r) => stepLabel(String(r.step ?? ""), t.lang) },
                    { title: "状态", key: "status", render: (r) => label(SANCTION_STATUS_LABELS, String(r.status ?? ""), t.lang) },
                    { title: "依据", key: "reasons", render: (r) => <Reasons reasons={r.reasons as never} /> },
                  ]} />
                  <HistoryTable rows={asRows(rewardsQ.data)} empty="暂无奖励" columns={[
                    { title: "日期", key: "grantedOn" },
                    { title: "奖励", key: "kind", render: (r) => label(REWARD_KIND_LABELS, String(r.kind ?? ""), t.lang) },
                    { title: "依据", key: "reasons", render: (r) => <Reasons reasons={r.reasons as never} /> },
                    { title: "批准人", key: "grantedByName" },
                  ]} />
                  <HistoryTable rows={asRows(a?.conductEvents)} empty="暂无行为记录" columns={[
                    { title: "日期", key: "occurredOn" },
                    { title: "记录", key: "kind", render: (r) => CONDUCT[String(r.kind)] ?? String(r.kind ?? "") },
                    { title: "说明", key: "note" },
                  ]} />
                </>
              ) },
              { key: "rentals", label: "工具租借", children: <HistoryTable rows={asRows(rentalsQ.data)} empty="暂无租借" columns={[
                { title: "工具", key: "toolName" },
                { title: "借出", key: "lentAt", render: (r) => when(r.lentAt) },
                { title: "应还", key: "dueDate" },
                { title: "归还", key: "returnedAt", render: (r) => when(r.returnedAt) || "未还" },
                { title: "押金", key: "depositFen", render: (r) => (typeof r.depositFen === "number" && r.depositFen > 0 ? formatFen(r.depositFen) : "免押金") },
              ]} /> },
              { key: "trainings", label: "培训", children: <HistoryTable rows={asRows(trainingQ.data)} empty="暂无培训" columns={[
                { title: "课程", key: "title" },
                { title: "工种", key: "trade", render: (r) => tradeLabel(String(r.trade ?? ""), t.lang) },
                { title: "期次", key: "startsOn", render: (r) => `${String(r.startsOn ?? "")} 至 ${String(r.endsOn ?? "")}` },
                { title: "状态", key: "status" },
                { title: "结业证书", key: "certificateNo" },
              ]} /> },
              { key: "complaints", label: "投诉", children: <HistoryTable rows={asRows(complaintsQ.data)} empty={canComplaints ? "暂无投诉" : "无权查看投诉"} columns={[
                { title: "案号", key: "caseNo" },
                { title: "类别", key: "category", render: (r) => label(COMPLAINT_CATEGORY_LABELS, String(r.category ?? ""), t.lang) },
                { title: "状态", key: "status", render: (r) => label(COMPLAINT_STATUS_LABELS, String(r.status ?? ""), t.lang) },
                { title: "登记时间", key: "createdAt", render: (r) => when(r.createdAt) },
              ]} /> },
              { key: "documents", label: "证件照片", children: <HistoryTable rows={asRows(a?.documents)} empty="未上传证件照片" columns={[
                { title: "类别", key: "kind", render: (r) => ({ id_front: "身份证正面", id_back: "身份证反面", photo: "本人照片" })[String(r.kind)] ?? String(r.kind) },
                { title: "大小", key: "sizeBytes", render: (r) => `${Math.round(Number(r.sizeBytes ?? 0) / 1024)} KB` },
                { title: "上传时间", key: "createdAt", render: (r) => when(r.createdAt) },
              ]} /> },
            ]}
          />
          <RevealModal workerId={w.id} open={revealOpen} onClose={() => setRevealOpen(false)} onRevealed={setRevealed} />
          {editOpen && <EditWorkerDrawer worker={w} onClose={() => setEditOpen(false)} />}
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
