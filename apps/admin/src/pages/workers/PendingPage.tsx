import { Button, Table, Tag } from "antd";
import { useNavigate } from "react-router";
import { QueryState } from "../../components/QueryState.tsx";
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
  const q = useQ("workers.listPending", undefined);
  const rows = rowsOf<Pending>(q.data);
  const navigate = useNavigate();
  const codes = (p: Pending) => (p.trades ?? []).map((x) => (typeof x === "string" ? x : x.tradeCode));
  return (
    <div>
      <h1 className="page-title">预登记待办</h1>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText="没有待完成的预登记">
        <Table<Pending>
          rowKey="id"
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: "姓名", dataIndex: "name" },
            { title: "手机号", render: (_, p) => <span className="mono">{p.phoneMasked ?? p.phone}</span> },
            { title: "意向工种", render: (_, p) => codes(p).map((c) => <Tag key={c}>{tradeLabel(c)}</Tag>) },
            { title: "提交时间", dataIndex: "createdAt", render: (v: string) => shanghaiDateTime(v) },
            {
              title: "操作",
              render: (_, p) => (
                <Button type="primary" data-testid={`complete-${p.name}`} onClick={() => navigate("/workers/new", { state: { pending: { id: p.id, name: p.name, phoneMasked: p.phoneMasked, trades: codes(p).map((c) => ({ tradeCode: c, skillGrade: "none" })) } } })}>
                  核验并完成登记
                </Button>
              ),
            },
          ]}
        />
      </QueryState>
    </div>
  );
}
