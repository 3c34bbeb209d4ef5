import { Button, Table, Tag } from "antd";
import { useNavigate } from "react-router";
import { QueryState } from "../../components/QueryState.tsx";
import { useT } from "../../i18n/index.tsx";
import { useQ } from "../../lib/api.ts";
import { shanghaiDateTime, tradeLabel } from "../../lib/display.ts";
import { rowsOf } from "./worker-common.tsx";

interface Pending {
  id: string;
  name: string;
  phoneMasked?: string;
  phone?: string;
  trades?: string[] | { tradeCode: string }[];
  createdAt?: string;
}

/** Pre-registrations left from a phone, waiting for the counter to check the ID and complete them. */
export default function PendingPage() {
  const t = useT();
  const q = useQ("workers.listPending", undefined);
  const rows = rowsOf<Pending>(q.data);
  const navigate = useNavigate();
  const codes = (p: Pending) => (p.trades ?? []).map((x) => (typeof x === "string" ? x : x.tradeCode));
  return (
    <div>
      <h1 className="page-title">{t("nav.pending")}</h1>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText={t("desk.pending.empty")}>
        <Table<Pending>
          rowKey="id"
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t("worker.name"), dataIndex: "name" },
            { title: t("worker.phone"), render: (_, p) => <span className="mono">{p.phoneMasked ?? p.phone}</span> },
            { title: t("desk.pending.trades"), render: (_, p) => codes(p).map((c) => <Tag key={c}>{tradeLabel(c, t.lang)}</Tag>) },
            { title: t("desk.pending.submitted"), dataIndex: "createdAt", render: (v: string) => shanghaiDateTime(v) },
            {
              title: t("common.actions"),
              render: (_, p) => (
                <Button type="primary" data-testid={`complete-${p.name}`} onClick={() => navigate("/workers/new", { state: { pending: { id: p.id, name: p.name, phoneMasked: p.phoneMasked, trades: codes(p).map((c) => ({ tradeCode: c, skillGrade: "none" })) } } })}>
                  {t("desk.pending.complete")}
                </Button>
              ),
            },
          ]}
        />
      </QueryState>
    </div>
  );
}
