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
import { EnumTag, label, newIdemKey, type Tr } from "../ops/ops-common.tsx";
import { REWARD_KIND_LABELS } from "../ops/labels.ts";

type Granted = Out<"rewards.list">[number];
type Candidate = Out<"rewards.proposals">[number];

const exportColumns = (t: Tr): ExportColumn<Granted>[] => [
  { title: t("ops.worker"), value: (r) => r.workerName },
  { title: t("ops.rw.reward"), value: (r) => label(REWARD_KIND_LABELS, r.kind, t.lang) },
  { title: t("ops.c.date"), value: (r) => r.grantedOn },
  { title: t("ops.rw.grantedBy"), value: (r) => r.grantedByName },
  { title: t("ops.c.basis"), value: (r) => (r.reasons as Reason[]).map((x) => t.pick(x)).join(t("ops.c.listSep")) },
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
        <Card size="small" title={t("ops.rw.eligible")} style={{ marginBottom: 12 }}>
          <QueryState isPending={proposals.isPending} error={proposals.error} onRetry={() => void proposals.refetch()} isEmpty={candidates.length === 0} emptyText={t("ops.rw.eligibleEmpty")}>
            <Table<Candidate>
              rowKey={(c) => c.worker.id}
              size="small"
              pagination={false}
              dataSource={candidates}
              columns={[
                { title: t("ops.worker"), render: (_, c) => <span><Typography.Text>{c.worker.name}</Typography.Text> {starText(c.worker.stars, t.lang)}</span> },
                {
                  title: t("ops.rw.suggested"),
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
                                  { onSuccess: () => message.success(t.f("ops.rw.granted", { kind: label(REWARD_KIND_LABELS, p.kind, t.lang) })), onError: (e) => message.error(errorInfo(e).message) },
                                );
                              }}
                            >
                              {t("ops.rw.grant")}
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
        <Typography.Title level={5} style={{ margin: 0 }}>{t("ops.rw.grantedTitle")}</Typography.Title>
        <ExportButton name={t("ops.rw.exportName")} columns={exportColumns(t)} rows={rows} />
      </Space>
      <QueryState isPending={granted.isPending} error={granted.error} onRetry={() => void granted.refetch()} isEmpty={rows.length === 0} emptyText={t("ops.rw.empty")}>
        <Table<Granted>
          rowKey="id"
          size="middle"
          dataSource={rows}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t("ops.worker"), dataIndex: "workerName", render: (v: string) => <Typography.Text>{v}</Typography.Text> },
            { title: t("ops.rw.reward"), dataIndex: "kind", width: 140, render: (v: string) => <EnumTag map={REWARD_KIND_LABELS} value={v} lang={t.lang} /> },
            { title: t("ops.c.date"), dataIndex: "grantedOn", width: 110 },
            { title: t("ops.rw.grantedBy"), dataIndex: "grantedByName", width: 120 },
            { title: t("ops.c.basis"), dataIndex: "reasons", render: (v: unknown) => <Reasons reasons={v as Reason[]} /> },
          ]}
        />
      </QueryState>
    </div>
  );
}
