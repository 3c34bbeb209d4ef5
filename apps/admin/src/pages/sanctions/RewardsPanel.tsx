import type { Reason } from "@lingong/core";
import { App, Button, Card, Space, Table, Typography } from "antd";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { Reasons } from "../../components/Reasons.tsx";
import { useT } from "../../i18n/index.tsx";
import { useM, useQ } from "../../lib/api.ts";
import type { Out } from "../../lib/api-types.ts";
import { starText } from "../../lib/display.ts";
import { errorInfo } from "../../lib/errors.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { useCan } from "../../lib/session.ts";
import { EnumTag, label, newIdemKey } from "../ops/ops-common.tsx";
import { REWARD_KIND_LABELS } from "../ops/labels.ts";

type Granted = Out<"rewards.list">[number];
type Candidate = Out<"rewards.proposals">[number];

const EXPORT: ExportColumn<Granted>[] = [
  { title: "零工", value: (r) => r.workerName },
  { title: "奖励", value: (r) => label(REWARD_KIND_LABELS, r.kind) },
  { title: "日期", value: (r) => r.grantedOn },
  { title: "批准人", value: (r) => r.grantedByName },
  { title: "依据", value: (r) => (r.reasons as Reason[]).map((x) => x.zh).join("；") },
];

/** M8 rewards: what the rules propose (from the worker's record) and what the head granted. */
export function RewardsPanel() {
  const t = useT();
  const mayPropose = useCan("rewards.proposals");
  const mayGrant = useCan("rewards.grant");
  const proposals = useQ("rewards.proposals", { limit: 50 }, { enabled: mayPropose });
  const granted = useQ("rewards.list", { limit: 500 });
  const grant = useM("rewards.grant");
  const { message } = App.useApp();
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const candidates = proposals.data ?? [];
  const rows = granted.data ?? [];
  return (
    <div>
      {mayPropose && (
        <Card size="small" title="符合奖励条件的零工（按规则自动提出）" style={{ marginBottom: 12 }}>
          <QueryState isPending={proposals.isPending} error={proposals.error} onRetry={() => void proposals.refetch()} isEmpty={candidates.length === 0} emptyText="目前没有符合奖励条件的零工">
            <Table<Candidate>
              rowKey={(c) => c.worker.id}
              size="small"
              pagination={false}
              dataSource={candidates}
              columns={[
                { title: "零工", render: (_, c) => <span><Typography.Text>{c.worker.name}</Typography.Text> {starText(c.worker.stars)}</span> },
                {
                  title: "建议奖励",
                  render: (_, c) => (
                    <Space orientation="vertical" style={{ width: "100%" }}>
                      {c.proposals.map((p) => (
                        <div key={p.kind} style={{ display: "flex", gap: 8, alignItems: "flex-start" }}>
                          <EnumTag map={REWARD_KIND_LABELS} value={p.kind} lang={t.lang} />
                          <div style={{ flex: 1 }}><Reasons reasons={p.reasons} /></div>
                          {mayGrant && (
                            <Button
                              size="small"
                              type="primary"
                              loading={grant.isPending && busyKey === `${c.worker.id}:${p.kind}`}
                              onClick={() => {
                                setBusyKey(`${c.worker.id}:${p.kind}`);
                                grant.mutate(
                                  { workerId: c.worker.id, kind: p.kind, idempotencyKey: newIdemKey() },
                                  { onSuccess: () => message.success(`已授予：${label(REWARD_KIND_LABELS, p.kind)}`), onError: (e) => message.error(errorInfo(e).message) },
                                );
                              }}
                            >
                              授予
                            </Button>
                          )}
                        </div>
                      ))}
                    </Space>
                  ),
                },
              ]}
            />
          </QueryState>
        </Card>
      )}
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>已授予的奖励</Typography.Title>
        <ExportButton name="奖励记录" columns={EXPORT} rows={rows} />
      </Space>
      <QueryState isPending={granted.isPending} error={granted.error} onRetry={() => void granted.refetch()} isEmpty={rows.length === 0} emptyText="还没有授予奖励">
        <Table<Granted>
          rowKey="id"
          size="middle"
          dataSource={rows}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: "零工", dataIndex: "workerName", render: (v: string) => <Typography.Text>{v}</Typography.Text> },
            { title: "奖励", dataIndex: "kind", width: 140, render: (v: string) => <EnumTag map={REWARD_KIND_LABELS} value={v} lang={t.lang} /> },
            { title: "日期", dataIndex: "grantedOn", width: 110 },
            { title: "批准人", dataIndex: "grantedByName", width: 120 },
            { title: "依据", dataIndex: "reasons", render: (v: unknown) => <Reasons reasons={v as Reason[]} /> },
          ]}
        />
      </QueryState>
    </div>
  );
}
