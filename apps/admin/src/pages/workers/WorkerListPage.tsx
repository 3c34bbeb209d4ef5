import { Button, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { TradeSelect } from "../../components/TradeSelect.tsx";
import { useT } from "../../i18n/index.tsx";
import { useQ } from "../../lib/api.ts";
import { genderLabel, gradeLabel, starText, tradeLabel } from "../../lib/display.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import type { WorkerStatus } from "./worker-common.tsx";
import { rowsOf, STATUS_LABELS, type WorkerRow } from "./worker-common.tsx";

type Tr = ReturnType<typeof useT>;

const exportColumns = (t: Tr): ExportColumn<WorkerRow>[] => [
  { title: t("worker.no"), value: (w) => w.workerNo },
  { title: t("worker.name"), value: (w) => w.name },
  { title: t("worker.gender"), value: (w) => genderLabel(w.gender, t.lang) },
  { title: t("worker.age"), value: (w) => w.age ?? null },
  { title: t("desk.w.idMasked"), value: (w) => w.idNumberMasked },
  { title: t("desk.w.phoneMasked"), value: (w) => w.phoneMasked },
  { title: t("desk.trade"), value: (w) => (w.trades ?? []).map((x) => `${tradeLabel(x.code, t.lang)}(${gradeLabel(x.skillGrade, t.lang)})`).join(t.lang === "en" ? ", " : "、") },
  { title: t("worker.star"), value: (w) => w.stars },
  { title: t("common.status"), value: (w) => t.pick(STATUS_LABELS[w.status]) || w.status },
];

export default function WorkerListPage() {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const initialQ = (location.state as { q?: string } | null)?.q ?? "";
  const [q, setQ] = useState(initialQ);
  const [submitted, setSubmitted] = useState(initialQ);
  const [trade, setTrade] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  // The global search box sends a new term through navigation state; adopt it when it changes.
  const [seenState, setSeenState] = useState(location.state);
  if (location.state !== seenState) {
    setSeenState(location.state);
    setQ(initialQ);
    setSubmitted(initialQ);
  }
  const query = useQ("workers.search", { q: submitted, status: status as WorkerStatus | undefined, limit: 200 });
  const rows = rowsOf<WorkerRow>(query.data).filter((w) => !trade || (w.trades ?? []).some((x) => x.code === trade));

  return (
    <div>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }} wrap>
        <h1 className="page-title" style={{ margin: 0 }}>{t("nav.workers")}</h1>
        <Space wrap>
          <Link to="/workers/new"><Button type="primary">{t("nav.register")}</Button></Link>
          <Link to="/workers/import"><Button>{t("nav.import")}</Button></Link>
          <ExportButton name={t("nav.workers")} columns={exportColumns(t)} rows={rows} />
        </Space>
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          autoFocus
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => setSubmitted(v.trim())}
          placeholder={t("common.searchPlaceholder")}
          allowClear
          style={{ width: 340 }}
          data-testid="worker-search"
        />
        <TradeSelect allowClear style={{ width: 180 }} value={trade} onChange={setTrade} placeholder={t("desk.allTrades")} />
        <Select allowClear style={{ width: 140 }} value={status} onChange={setStatus} placeholder={t("desk.allStatuses")}
          options={Object.entries(STATUS_LABELS).map(([value, s]) => ({ value, label: t.pick(s) }))} />
      </Space>
      <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()}>
        <Table<WorkerRow>
          rowKey="id"
          size="middle"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => t.f("desk.w.total", { n }) }}
          locale={{ emptyText: submitted ? t.f("desk.w.noMatch", { q: submitted }) : t("common.empty") }}
          onRow={(w) => ({ onDoubleClick: () => navigate(`/workers/${w.id}`) })}
          columns={[
            { title: t("worker.no"), dataIndex: "workerNo", width: 110, render: (v: string, w) => <Link to={`/workers/${w.id}`} className="mono">{v}</Link> },
            { title: t("worker.name"), dataIndex: "name", width: 120, render: (v: string, w) => <Link to={`/workers/${w.id}`}><Typography.Text>{v}</Typography.Text></Link> },
            { title: t("worker.gender"), dataIndex: "gender", width: 60, render: (v: string) => genderLabel(v, t.lang) },
            { title: t("worker.age"), dataIndex: "age", width: 60 },
            { title: t("worker.idNumber"), dataIndex: "idNumberMasked", width: 190, render: (v: string) => <span className="mono">{v}</span> },
            { title: t("worker.phone"), dataIndex: "phoneMasked", width: 130, render: (v: string) => <span className="mono">{v}</span> },
            { title: t("worker.trades"), dataIndex: "trades", render: (ts: WorkerRow["trades"]) => (ts ?? []).map((x) => <Tag key={x.code}>{tradeLabel(x.code, t.lang)} · {gradeLabel(x.skillGrade, t.lang)}</Tag>) },
            { title: t("worker.star"), dataIndex: "stars", width: 110, render: (v: number) => starText(v, t.lang) },
            { title: t("common.status"), dataIndex: "status", width: 100, render: (v: string) => <Tag color={STATUS_LABELS[v]?.color}>{t.pick(STATUS_LABELS[v]) || v}</Tag> },
          ]}
        />
      </QueryState>
    </div>
  );
}
