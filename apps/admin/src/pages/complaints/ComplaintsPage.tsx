import { App, Button, Radio, Select, Space, Table, Tabs, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useT } from "../../i18n/index.tsx";
import { useM, useQ } from "../../lib/api.ts";
import type { In, Out } from "../../lib/api-types.ts";
import { errorInfo } from "../../lib/errors.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { useCan } from "../../lib/session.ts";
import { EnumTag, fmtTime, label, newIdemKey, options, PageHead } from "../ops/ops-common.tsx";
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_PARTY_LABELS, COMPLAINT_STATUS_LABELS } from "../ops/labels.ts";
import { ComplaintDetail, Deadline, type Assignee } from "./ComplaintDetail.tsx";
import { ComplaintIntake } from "./ComplaintIntake.tsx";

type Row = Out<"complaints.list">[number];
type ListInput = In<"complaints.list">;
type Scope = "open" | "overdue" | "closed" | "all";

type Tr = ReturnType<typeof useT>;

const exportColumns = (t: Tr): ExportColumn<Row>[] => [
  { title: t("desk.c.caseNo"), value: (r) => r.caseNo },
  { title: t("desk.c.category"), value: (r) => label(COMPLAINT_CATEGORY_LABELS, r.category, t.lang) },
  { title: t("desk.c.complainant"), value: (r) => label(COMPLAINT_PARTY_LABELS, r.complainant, t.lang) },
  { title: t("desk.c.respondent"), value: (r) => label(COMPLAINT_PARTY_LABELS, r.respondent, t.lang) },
  { title: t("ops.worker"), value: (r) => r.workerName ?? "" },
  { title: t("desk.employer"), value: (r) => r.employerName ?? "" },
  { title: t("common.status"), value: (r) => label(COMPLAINT_STATUS_LABELS, r.status, t.lang) },
  { title: t("desk.c.overdueCol"), value: (r) => (r.overdue ? t("desk.bool.yes") : "") },
  { title: t("desk.c.assignee"), value: (r) => r.assignedToName ?? "" },
  { title: t("desk.c.filedAt"), value: (r) => fmtTime(r.filedAt) },
  { title: t("desk.c.acceptBy"), value: (r) => r.acceptDeadline },
  { title: t("desk.c.resolveBy"), value: (r) => r.resolveDeadline },
  { title: t("desk.c.closedAt"), value: (r) => fmtTime(r.closedAt) },
  { title: t("desk.c.outcome"), value: (r) => r.outcome ?? "" },
];

/** R10 complaints and disputes: intake, assignment, deadlines with overdue flags, mediation, outcome or referral. */
export default function ComplaintsPage() {
  const t = useT();
  const [tab, setTab] = useState("list");
  const [scope, setScope] = useState<Scope>("open");
  const [category, setCategory] = useState<ListInput["category"]>();
  const [openId, setOpenId] = useState<string | null>(null);
  const mayFile = useCan("complaints.file");
  const mayScan = useCan("complaints.openArrearsCases");
  const scan = useM("complaints.openArrearsCases");
  const { message } = App.useApp();
  const input: ListInput = { limit: 500, category, ...(scope === "open" ? { open: true } : scope === "closed" ? { open: false } : scope === "overdue" ? { overdue: true } : {}) };
  const q = useQ("complaints.list", input);
  const rows = q.data ?? [];
  // Officers already handling cases: the choices for assignment besides oneself.
  const assignees = useMemo<Assignee[]>(() => {
    const m = new Map<string, string>();
    for (const r of q.data ?? []) if (r.assignedTo && r.assignedToName) m.set(r.assignedTo, r.assignedToName);
    return [...m].map(([id, name]) => ({ id, name }));
  }, [q.data]);

  const list = (
    <div>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 8 }} wrap>
        <Space wrap>
          <Radio.Group value={scope} onChange={(e) => setScope(e.target.value as Scope)} optionType="button"
            options={[{ value: "open", label: t("desk.c.scope.open") }, { value: "overdue", label: t("ops.overdue") }, { value: "closed", label: t("desk.c.scope.closed") }, { value: "all", label: t("desk.c.scope.all") }]} />
          <Select allowClear placeholder={t("desk.c.allCategories")} style={{ width: 140 }} value={category} onChange={setCategory} options={options(COMPLAINT_CATEGORY_LABELS, t.lang)} />
        </Space>
        <Space>
          {mayScan && (
            <Button loading={scan.isPending} onClick={() => scan.mutate({ idempotencyKey: newIdemKey() }, {
              onSuccess: (r) => message.success(r.opened.length ? t.f("desk.c.scanned", { n: r.opened.length }) : t("desk.c.scanNone")),
              onError: (e) => message.error(errorInfo(e, t.lang).message),
            })}>
              {t("desk.c.scan")}
            </Button>
          )}
          <ExportButton name={t("desk.c.exportName")} columns={exportColumns(t)} rows={rows} />
        </Space>
      </Space>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText={scope === "overdue" ? t("desk.c.noneOverdue") : t("desk.c.none")}>
        <Table<Row>
          rowKey="id"
          size="middle"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => t.f("desk.c.total", { n }) }}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: "pointer" } })}
          data-testid="complaint-list"
          columns={[
            { title: t("desk.c.caseNo"), dataIndex: "caseNo", width: 130, render: (v: string) => <a className="mono">{v}</a> },
            { title: t("desk.c.category"), dataIndex: "category", width: 100, render: (v: string) => <EnumTag map={COMPLAINT_CATEGORY_LABELS} value={v} lang={t.lang} /> },
            {
              title: t("desk.c.parties"),
              render: (_, r) => (
                <span>
                  <Typography.Text>{r.complainant === "employer" ? r.employerName : r.complainant === "worker" ? r.workerName : t("desk.c.other")}</Typography.Text>
                  {" → "}
                  <Typography.Text>{r.respondent === "employer" ? r.employerName : r.workerName}</Typography.Text>
                </span>
              ),
            },
            { title: t("common.status"), dataIndex: "status", width: 150, render: (v: string, r) => <span><EnumTag map={COMPLAINT_STATUS_LABELS} value={v} lang={t.lang} />{r.overdue && <Tag color="red">{t("ops.overdue")}</Tag>}</span> },
            { title: t("desk.c.assignee"), dataIndex: "assignedToName", width: 110, render: (v: string | null) => v ?? <Typography.Text type="secondary">{t("desk.c.unassigned")}</Typography.Text> },
            { title: t("desk.c.filed"), dataIndex: "filedAt", width: 150, render: (v: string) => fmtTime(v) },
            { title: t("desk.c.deadline"), width: 170, render: (_, r) => (r.status === "filed" ? <span>{t("desk.c.accept")} <Deadline day={r.acceptDeadline} overdue={r.overdue} /></span> : r.closedAt ? t.f("desk.c.closedOn", { day: fmtTime(r.closedAt).slice(0, 10) }) : <span>{t("desk.c.resolve")} <Deadline day={r.resolveDeadline} overdue={r.overdue} /></span>) },
          ]}
        />
      </QueryState>
    </div>
  );

  return (
    <div>
      <PageHead title={t("nav.complaints")} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: "list", label: t("ops.complaints.list"), children: list },
          ...(mayFile ? [{ key: "new", label: t("ops.complaints.new"), children: <ComplaintIntake onFiled={(id) => { setTab("list"); setScope("open"); setOpenId(id); }} /> }] : []),
        ]}
      />
      {openId && <ComplaintDetail id={openId} assignees={assignees} onClose={() => setOpenId(null)} />}
    </div>
  );
}
