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
import type { MessageKey } from "../../i18n/zh.ts";
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
const DISPATCH_STATUS: Record<string, MessageKey> = { assigned: "arc.dispatch.assigned", started: "arc.dispatch.started", completed: "arc.dispatch.completed", no_show: "arc.dispatch.no_show", cancelled: "arc.dispatch.cancelled" };
const CONDUCT: Record<string, MessageKey> = { no_show: "arc.conduct.no_show", late_cancellation: "arc.conduct.late_cancellation", upheld_complaint: "arc.conduct.upheld_complaint", malicious_work: "arc.conduct.malicious_work" };
const GRADE_KIND: Record<string, MessageKey> = { initial: "arc.grade.initial", review: "arc.grade.review", sanction: "arc.grade.sanction", reward: "arc.grade.reward", reversal: "arc.grade.reversal", manual: "arc.grade.manual" };
const DOC_KIND: Record<string, MessageKey> = { id_front: "arc.doc.id_front", id_back: "arc.doc.id_back", photo: "arc.doc.photo" };

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
  /** A code's label from one of the maps above; the raw code when the map does not know it. */
  const named = (map: Record<string, MessageKey>, code: unknown) => {
    const k = map[String(code ?? "")];
    return k ? t(k) : String(code ?? "");
  };

  return (
    <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()}>
      {w && (
        <div>
          <Space className="no-print" style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }}>
            <h1 className="page-title" style={{ margin: 0 }}>
              <Typography.Text>{w.name}</Typography.Text> <Typography.Text type="secondary" className="mono">{w.workerNo}</Typography.Text>{" "}
              <Tag color={STATUS_LABELS[w.status]?.color}>{t.pick(STATUS_LABELS[w.status]) || w.status}</Tag>
            </h1>
            <Space>
              {canReveal && (
                <Button icon={<EyeOutlined />} onClick={() => setRevealOpen(true)} data-testid="reveal-id">
                  {t("arc.reveal")}
                </Button>
              )}
              {canEdit && <Button icon={<EditOutlined />} onClick={() => setEditOpen(true)} data-testid="edit-worker">{t("arc.edit")}</Button>}
              <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
                {t("arc.print")}
              </Button>
            </Space>
          </Space>
          <Card className="archive-card" size="small" style={{ marginBottom: 12 }}>
            <div className="print-only" style={{ fontSize: "16pt", fontWeight: 700, textAlign: "center", marginBottom: 8 }}>{t("arc.card")}</div>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2, lg: 3 }}
              bordered
              items={[
                { key: "no", label: t("worker.no"), children: <span className="mono">{w.workerNo}</span> },
                { key: "name", label: t("worker.name"), children: <Typography.Text data-testid="archive-name">{w.name}</Typography.Text> },
                { key: "g", label: t("worker.gender"), children: genderLabel(w.gender, t.lang) },
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
                { key: "home", label: t("worker.homeAddress"), children: a?.hasHomeAddress ? t("arc.onFile") : t("arc.notOnFile") },
                { key: "temp", label: t("worker.tempAddress"), children: w.tempAddress ?? "" },
                { key: "birth", label: t("worker.birthDate"), children: w.birthDate ?? "" },
                { key: "star", label: t("worker.star"), children: <strong>{starText(w.stars, t.lang)}</strong> },
                { key: "years", label: t("worker.workYears"), children: t.f("arc.years", { n: w.workYears ?? 0 }) },
                { key: "sat", label: t("arc.satisfaction"), children: rated.length ? t.f("arc.satisfactionOf", { pct: pct(satisfied / rated.length), n: satisfied, total: rated.length }) : pct(extra.satisfactionRate) },
                { key: "comp", label: t("arc.complaints"), children: canComplaints ? t.f("arc.count", { n: asRows(complaintsQ.data).length }) : "—" },
                { key: "consent", label: t("arc.consentVersion"), children: w.consentVersion ?? "" },
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
              { key: "changes", label: t("arc.tab.changes"), children: <HistoryTable rows={asRows(a?.changes)} empty={t("arc.empty.changes")} columns={[
                { title: t("arc.col.time"), key: "createdAt", render: (r) => when(r.createdAt) },
                { title: t("arc.col.reason"), key: "reason" },
                { title: t("arc.col.change"), key: "diff", render: (r) => <ul className="reason-list">{describeChange(r.before, r.after).map((line) => <li key={line}>{line}</li>)}</ul> },
              ]} /> },
              { key: "dispatches", label: t("arc.tab.dispatches"), children: <HistoryTable rows={asRows(a?.dispatches)} empty={t("arc.empty.dispatches")} columns={[
                { title: t("arc.col.start"), key: "startsAt", render: (r) => when(r.startsAt) },
                { title: t("arc.col.orderNo"), key: "orderNo" },
                { title: t("order.trade"), key: "tradeCode", render: (r) => tradeLabel(String(r.tradeCode ?? ""), t.lang) },
                { title: t("order.place"), key: "place" },
                { title: t("arc.col.wage"), key: "agreedWageFen", render: (r) => (typeof r.agreedWageFen === "number" ? formatFen(r.agreedWageFen) : "") },
                { title: t("common.status"), key: "status", render: (r) => named(DISPATCH_STATUS, r.status) },
                { title: t("arc.col.paid"), key: "paid", render: (r) => (r.paidConfirmedAt ? when(r.paidConfirmedAt) : t("arc.notConfirmed")) },
              ]} /> },
              { key: "ratings", label: t("arc.tab.ratings"), children: <HistoryTable rows={rated} empty={t("arc.empty.ratings")} columns={[
                { title: t("arc.col.visitedAt"), key: "visitedAt", render: (r) => when(r.visitedAt) },
                { title: t("arc.col.employer"), key: "employerName" },
                { title: t("arc.col.attitude"), key: "attitude", render: (r) => t.f("arc.points", { n: String(r.attitude ?? "") }) },
                { title: t("arc.col.quality"), key: "quality", render: (r) => t.f("arc.points", { n: String(r.quality ?? "") }) },
                { title: t("arc.col.satisfied"), key: "satisfied", render: (r) => (r.satisfied === true ? t("arc.satisfied") : r.satisfied === false ? t("arc.unsatisfied") : "") },
                { title: t("arc.col.notes"), key: "comment" },
                { title: t("arc.col.visitedBy"), key: "visitedByName" },
              ]} /> },
              { key: "grades", label: t("arc.tab.grades"), children: <HistoryTable rows={asRows(a?.gradeHistory)} empty={t("arc.empty.grades")} columns={[
                { title: t("arc.col.time"), key: "createdAt", render: (r) => when(r.createdAt) },
                { title: t("arc.col.kind"), key: "kind", render: (r) => named(GRADE_KIND, r.kind) },
                { title: t("arc.col.gradeChange"), key: "change", render: (r) => `${r.fromGrade === null || r.fromGrade === undefined ? "—" : starText(Number(r.fromGrade), t.lang)} → ${starText(Number(r.toGrade ?? 0), t.lang)}` },
                { title: t("arc.col.reason"), key: "reasons", render: (r) => <Reasons reasons={r.reasons as never} /> },
              ]} /> },
              { key: "conduct", label: t("arc.tab.conduct"), children: (
                <>
                  <HistoryTable rows={asRows(sanctionsQ.data)} empty={t("arc.empty.sanctions")} columns={[
                    { title: t("arc.col.date"), key: "occurredOn" },
                    { title: t("arc.col.offence"), key: "offence", render: (r) => offenceLabel(String(r.offence ?? ""), t.lang) },
                    { title: t("arc.col.step"), key: "step", render: (r) => stepLabel(String(r.step ?? ""), t.lang) },
                    { title: t("common.status"), key: "status", render: (r) => label(SANCTION_STATUS_LABELS, String(r.status ?? ""), t.lang) },
                    { title: t("arc.col.basis"), key: "reasons", render: (r) => <Reasons reasons={r.reasons as never} /> },
                  ]} />
                  <HistoryTable rows={asRows(rewardsQ.data)} empty={t("arc.empty.rewards")} columns={[
                    { title: t("arc.col.date"), key: "grantedOn" },
                    { title: t("arc.col.reward"), key: "kind", render: (r) => label(REWARD_KIND_LABELS, String(r.kind ?? ""), t.lang) },
                    { title: t("arc.col.basis"), key: "reasons", render: (r) => <Reasons reasons={r.reasons as never} /> },
                    { title: t("arc.col.approvedBy"), key: "grantedByName" },
                  ]} />
                  <HistoryTable rows={asRows(a?.conductEvents)} empty={t("arc.empty.conduct")} columns={[
                    { title: t("arc.col.date"), key: "occurredOn" },
                    { title: t("arc.col.record"), key: "kind", render: (r) => named(CONDUCT, r.kind) },
                    { title: t("arc.col.note"), key: "note" },
                  ]} />
                </>
              ) },
              { key: "rentals", label: t("arc.tab.rentals"), children: <HistoryTable rows={asRows(rentalsQ.data)} empty={t("arc.empty.rentals")} columns={[
                { title: t("arc.col.tool"), key: "toolName" },
                { title: t("arc.col.lent"), key: "lentAt", render: (r) => when(r.lentAt) },
                { title: t("arc.col.due"), key: "dueDate" },
                { title: t("arc.col.returned"), key: "returnedAt", render: (r) => when(r.returnedAt) || t("arc.notReturned") },
                { title: t("arc.col.deposit"), key: "depositFen", render: (r) => (typeof r.depositFen === "number" && r.depositFen > 0 ? formatFen(r.depositFen) : t("arc.noDeposit")) },
              ]} /> },
              { key: "trainings", label: t("arc.tab.trainings"), children: <HistoryTable rows={asRows(trainingQ.data)} empty={t("arc.empty.trainings")} columns={[
                { title: t("arc.col.course"), key: "title" },
                { title: t("order.trade"), key: "trade", render: (r) => tradeLabel(String(r.trade ?? ""), t.lang) },
                { title: t("arc.col.period"), key: "startsOn", render: (r) => t.f("arc.period", { a: String(r.startsOn ?? ""), b: String(r.endsOn ?? "") }) },
                { title: t("common.status"), key: "status" },
                { title: t("arc.col.certificate"), key: "certificateNo" },
              ]} /> },
              { key: "complaints", label: t("arc.complaints"), children: <HistoryTable rows={asRows(complaintsQ.data)} empty={canComplaints ? t("arc.empty.complaints") : t("arc.noComplaintAccess")} columns={[
                { title: t("arc.col.caseNo"), key: "caseNo" },
                { title: t("arc.col.kind"), key: "category", render: (r) => label(COMPLAINT_CATEGORY_LABELS, String(r.category ?? ""), t.lang) },
                { title: t("common.status"), key: "status", render: (r) => label(COMPLAINT_STATUS_LABELS, String(r.status ?? ""), t.lang) },
                { title: t("arc.col.filed"), key: "createdAt", render: (r) => when(r.createdAt) },
              ]} /> },
              { key: "documents", label: t("arc.tab.documents"), children: <HistoryTable rows={asRows(a?.documents)} empty={t("arc.empty.documents")} columns={[
                { title: t("arc.col.kind"), key: "kind", render: (r) => named(DOC_KIND, r.kind) },
                { title: t("arc.col.size"), key: "sizeBytes", render: (r) => `${Math.round(Number(r.sizeBytes ?? 0) / 1024)} KB` },
                { title: t("arc.col.uploaded"), key: "createdAt", render: (r) => when(r.createdAt) },
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
  const t = useT();
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
      message.info(t("arc.revealed"));
    } catch (err) {
      const info = errorInfo(err);
      form.setFields([{ name: "reason", errors: [info.message] }]);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal title={t("arc.revealTitle")} open={open} onCancel={onClose} onOk={() => form.submit()} okText={t("arc.revealOk")} confirmLoading={busy} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t("arc.revealHint")}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="reason" label={t("arc.revealReason")} rules={[{ required: true, whitespace: true, message: t("arc.revealReasonRequired") }, { min: 2, message: t("arc.revealReasonMin") }]}>
          <Input autoFocus placeholder={t("arc.revealPlaceholder")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
