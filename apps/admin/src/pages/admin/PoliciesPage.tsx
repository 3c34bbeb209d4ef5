import { Card, Space, Table, Tabs, Typography } from "antd";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useT } from "../../i18n/index.tsx";
import { useQ } from "../../lib/api.ts";
import type { In, Out } from "../../lib/api-types.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { useCan } from "../../lib/session.ts";
import { fmtTime, PageHead, type Tr } from "../ops/ops-common.tsx";
import { JsonPolicy, PRE } from "./JsonPolicy.tsx";
import { WageGrid } from "./WageGrid.tsx";

type Kind = In<"policies.get">["kind"];
type Version = Out<"policies.list">[number];

const KINDS: { kind: Kind; label: `adm.policies.${Kind}` }[] = [
  { kind: "wages", label: "adm.policies.wages" },
  { kind: "grading", label: "adm.policies.grading" },
  { kind: "sanctions", label: "adm.policies.sanctions" },
  { kind: "matching", label: "adm.policies.matching" },
  { kind: "rewards", label: "adm.policies.rewards" },
  { kind: "employer", label: "adm.policies.employer" },
];

/** The body's own version id (what each decision records), or "" for a body without one. */
const versionId = (body: unknown): string => {
  const v = (body as { version?: unknown } | null)?.version;
  return typeof v === "string" ? v : "";
};

const versionExport = (t: Tr): ExportColumn<Version>[] => [
  { title: t("adm.pol.version"), value: (r) => r.version },
  { title: t("adm.pol.versionId"), value: (r) => versionId(r.body) },
  { title: t("ops.sanc.effectiveOn"), value: (r) => r.effectiveFrom },
  { title: t("ops.c.note"), value: (r) => r.note ?? "" },
  { title: t("adm.pol.publisher"), value: (r) => r.createdByName ?? "" },
  { title: t("adm.pol.publishedAt"), value: (r) => fmtTime(r.createdAt) },
  { title: t("adm.pub.body"), value: (r) => JSON.stringify(r.body) },
];

/** Guidance wage table and the grading / sanction / matching / reward / employer-record policies, versioned; the head publishes. */
export default function PoliciesPage() {
  const t = useT();
  const [kind, setKind] = useState<Kind>("wages");
  return (
    <div>
      <PageHead title={t("nav.policies")} />
      <Tabs
        activeKey={kind}
        onChange={(k) => setKind(k as Kind)}
        destroyOnHidden
        items={KINDS.map((k) => ({ key: k.kind, label: t(k.label), children: <PolicyPanel kind={k.kind} /> }))}
      />
    </div>
  );
}

function PolicyPanel({ kind }: { kind: Kind }) {
  const t = useT();
  const current = useQ("policies.get", { kind });
  const versions = useQ("policies.list", { kind });
  const mayPublish = useCan("policies.publish");
  const rows = versions.data ?? [];
  return (
    <div>
      <QueryState isPending={current.isPending} error={current.error} onRetry={() => void current.refetch()}>
        {current.data && (
          <Card size="small" title={current.data.version === 0 ? t("adm.pol.currentDefault") : t.f("adm.pol.current", { v: current.data.version, d: current.data.effectiveFrom ?? "" })}>
            {kind === "wages" ? (
              <WageGrid body={current.data.body} editable={mayPublish} />
            ) : (
              <JsonPolicy kind={kind} body={current.data.body} editable={mayPublish} />
            )}
          </Card>
        )}
      </QueryState>
      <Space style={{ width: "100%", justifyContent: "space-between", margin: "16px 0 8px" }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("adm.pol.history")}
        </Typography.Title>
        <ExportButton name={t.f("adm.pol.export", { kind })} columns={versionExport(t)} rows={rows} />
      </Space>
      <QueryState isPending={versions.isPending} error={versions.error} onRetry={() => void versions.refetch()} isEmpty={rows.length === 0} emptyText={t("adm.pol.empty")}>
        <Table<Version>
          rowKey="id"
          size="small"
          data-testid="policy-versions"
          dataSource={rows}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          expandable={{ expandedRowRender: (r) => <pre style={PRE}>{JSON.stringify(r.body, null, 2)}</pre> }}
          columns={[
            { title: t("adm.pol.version"), dataIndex: "version", width: 80, render: (v: number) => t.f("adm.pol.versionN", { v }) },
            { title: t("adm.pol.versionId"), key: "versionId", width: 230, render: (_: unknown, r) => versionId(r.body) },
            { title: t("ops.sanc.effectiveOn"), dataIndex: "effectiveFrom", width: 120 },
            { title: t("ops.c.note"), dataIndex: "note" },
            { title: t("adm.pol.publisher"), dataIndex: "createdByName", width: 120 },
            { title: t("adm.pol.publishedAt"), dataIndex: "createdAt", width: 160, render: (v: string) => fmtTime(v) },
          ]}
        />
      </QueryState>
    </div>
  );
}
