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

const EXPORT: ExportColumn<Row>[] = [
  { title: "案号", value: (r) => r.caseNo },
  { title: "类别", value: (r) => label(COMPLAINT_CATEGORY_LABELS, r.category) },
  { title: "投诉人", value: (r) => label(COMPLAINT_PARTY_LABELS, r.complainant) },
  { title: "被投诉方", value: (r) => label(COMPLAINT_PARTY_LABELS, r.respondent) },
  { title: "零工", value: (r) => r.workerName ?? "" },
  { title: "用工方", value: (r) => r.employerName ?? "" },
  { title: "状态", value: (r) => label(COMPLAINT_STATUS_LABELS, r.status) },
  { title: "超期", value: (r) => (r.overdue ? "是" : "") },
  { title: "承办人", value: (r) => r.assignedToName ?? "" },
  { title: "登记时间", value: (r) => fmtTime(r.filedAt) },
  { title: "受理期限", value: (r) => r.acceptDeadline },
  { title: "办结期限", value: (r) => r.resolveDeadline },
  { title: "结案时间", value: (r) => fmtTime(r.closedAt) },
  { title: "处理结果", value: (r) => r.outcome ?? "" },
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
            options={[{ value: "open", label: "办理中" }, { value: "overdue", label: "已超期" }, { value: "closed", label: "已结案" }, { value: "all", label: "全部" }]} />
          <Select allowClear placeholder="全部类别" style={{ width: 140 }} value={category} onChange={setCategory} options={options(COMPLAINT_CATEGORY_LABELS, t.lang)} />
        </Space>
        <Space>
          {mayScan && (
            <Button loading={scan.isPending} onClick={() => scan.mutate({ idempotencyKey: newIdemKey() }, {
              onSuccess: (r) => message.success(r.opened.length ? `已为 ${r.opened.length} 个未确认收款的派工立案` : "没有需要立案的未确认收款派工"),
              onError: (e) => message.error(errorInfo(e).message),
            })}>
              欠薪排查
            </Button>
          )}
          <ExportButton name="投诉案件" columns={EXPORT} rows={rows} />
        </Space>
      </Space>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText={scope === "overdue" ? "没有超期的投诉" : "没有投诉案件"}>
        <Table<Row>
          rowKey="id"
          size="middle"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 件` }}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: "pointer" } })}
          data-testid="complaint-list"
          columns={[
            { title: "案号", dataIndex: "caseNo", width: 130, render: (v: string) => <a className="mono">{v}</a> },
            { title: "类别", dataIndex: "category", width: 100, render: (v: string) => <EnumTag map={COMPLAINT_CATEGORY_LABELS} value={v} lang={t.lang} /> },
            {
              title: "当事人",
              render: (_, r) => (
                <span>
                  <Typography.Text>{r.complainant === "employer" ? r.employerName : r.complainant === "worker" ? r.workerName : "其他"}</Typography.Text>
                  {" → "}
                  <Typography.Text>{r.respondent === "employer" ? r.employerName : r.workerName}</Typography.Text>
                </span>
              ),
            },
            { title: "状态", dataIndex: "status", width: 150, render: (v: string, r) => <span><EnumTag map={COMPLAINT_STATUS_LABELS} value={v} lang={t.lang} />{r.overdue && <Tag color="red">{t("ops.overdue")}</Tag>}</span> },
            { title: "承办人", dataIndex: "assignedToName", width: 110, render: (v: string | null) => v ?? <Typography.Text type="secondary">未指派</Typography.Text> },
            { title: "登记", dataIndex: "filedAt", width: 150, render: (v: string) => fmtTime(v) },
            { title: "期限", width: 150, render: (_, r) => (r.status === "filed" ? <span>受理 <Deadline day={r.acceptDeadline} overdue={r.overdue} /></span> : r.closedAt ? `结案 ${fmtTime(r.closedAt).slice(0, 10)}` : <span>办结 <Deadline day={r.resolveDeadline} overdue={r.overdue} /></span>) },
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
