import { addDays } from "@lingong/core";
import { Button, DatePicker, Descriptions, Form, Input, Space, Table, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useT } from "../../i18n/index.tsx";
import { useQ } from "../../lib/api.ts";
import type { In, Out } from "../../lib/api-types.ts";
import { todayShanghai } from "../../lib/display.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { label, PageHead, type Tr } from "../ops/ops-common.tsx";
import { ROLE_LABELS } from "./admin-common.ts";

type AuditRow = Out<"privacy.auditLog">["items"][number];
type Filters = Omit<In<"privacy.auditLog">, "cursor" | "limit">;

const PAGE = 50;
const PRE = { margin: 0, whiteSpace: "pre-wrap", fontSize: 12, maxHeight: 240, overflow: "auto" } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function json(v: unknown): string {
  return v === null || v === undefined ? "" : JSON.stringify(v, null, 2);
}

const exportColumns = (t: Tr): ExportColumn<AuditRow>[] => [
  { title: t("adm.audit.id"), value: (r) => r.id },
  { title: t("adm.audit.time"), value: (r) => dayjs(r.at).format("YYYY-MM-DD HH:mm:ss") },
  { title: t("adm.audit.action"), value: (r) => r.action },
  { title: t("adm.audit.user"), value: (r) => r.userId ?? "" },
  { title: t("adm.staff.role"), value: (r) => label(ROLE_LABELS, r.role, t.lang) },
  { title: "IP", value: (r) => r.ip ?? "" },
  { title: t("adm.audit.targetType"), value: (r) => r.targetType },
  { title: t("adm.audit.target"), value: (r) => r.targetId ?? "" },
  { title: t("adm.audit.result"), value: (r) => t(r.success ? "adm.audit.ok" : "adm.audit.failed") },
  { title: t("adm.audit.before"), value: (r) => JSON.stringify(r.before ?? null) },
  { title: t("adm.audit.after"), value: (r) => JSON.stringify(r.after ?? null) },
  { title: t("adm.audit.detail"), value: (r) => JSON.stringify(r.detail ?? null) },
];

interface FilterForm {
  range: [Dayjs, Dayjs];
  action?: string;
  userId?: string;
  targetId?: string;
}

/** The append-only audit log, newest first (head: own market; auditor: all). Values arrive masked. */
export default function AuditPage() {
  const t = useT();
  const today = todayShanghai();
  const [form] = Form.useForm<FilterForm>();
  const [filters, setFilters] = useState<Filters>({ from: addDays(today, -6), to: today });
  // Cursor stack: the first page has none; "next" pushes the page's nextCursor.
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const q = useQ("privacy.auditLog", { ...filters, limit: PAGE, ...(cursor !== undefined ? { cursor } : {}) });
  const rows = q.data?.items ?? [];

  function apply(next: Filters) {
    setFilters(next);
    setCursors([undefined]);
  }
  function filterBy(field: "userId" | "targetId" | "action", value: string | null) {
    if (!value) return;
    form.setFieldValue(field, value);
    apply({ ...filters, [field]: value });
  }

  return (
    <div>
      <PageHead title={t("nav.audit")}>
        <ExportButton name={t("nav.audit")} columns={exportColumns(t)} rows={rows} />
      </PageHead>
      <Form<FilterForm>
        form={form}
        layout="inline"
        initialValues={{ range: [dayjs(addDays(today, -6)), dayjs(today)] }}
        onFinish={(v) => {
          const next: Filters = { from: v.range[0].format("YYYY-MM-DD"), to: v.range[1].format("YYYY-MM-DD") };
          if (v.action?.trim()) next.action = v.action.trim();
          if (v.userId?.trim()) next.userId = v.userId.trim();
          if (v.targetId?.trim()) next.targetId = v.targetId.trim();
          apply(next);
        }}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="range" label={t("adm.audit.time")} rules={[{ required: true, message: t("adm.audit.rangeRequired") }]}>
          <DatePicker.RangePicker allowClear={false} style={{ width: 250 }} />
        </Form.Item>
        <Form.Item name="action" label={t("adm.audit.action")}>
          <Input placeholder={t("adm.audit.actionPh")} allowClear style={{ width: 160 }} data-testid="audit-action" />
        </Form.Item>
        <Form.Item name="userId" label={t("adm.audit.userId")} rules={[{ pattern: UUID, message: t("adm.audit.userIdBad") }]}>
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="targetId" label={t("adm.audit.targetId")} rules={[{ max: 200, message: t("adm.audit.targetIdMax") }]}>
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="audit-search">
              {t("adm.audit.search")}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                apply({ from: addDays(today, -6), to: today });
              }}
            >
              {t("adm.audit.reset")}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText={t("adm.audit.empty")}>
        <Table<AuditRow>
          rowKey="id"
          size="small"
          data-testid="audit-list"
          dataSource={rows}
          pagination={false}
          expandable={{
            expandedRowRender: (r) => (
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t("adm.audit.requestId")}>{r.requestId ?? ""}</Descriptions.Item>
                <Descriptions.Item label={t("adm.audit.before")}>
                  <pre style={PRE}>{json(r.before) || "—"}</pre>
                </Descriptions.Item>
                <Descriptions.Item label={t("adm.audit.after")}>
                  <pre style={PRE}>{json(r.after) || "—"}</pre>
                </Descriptions.Item>
                <Descriptions.Item label={t("adm.audit.detail")}>
                  <pre style={PRE}>{json(r.detail) || "—"}</pre>
                </Descriptions.Item>
              </Descriptions>
            ),
          }}
          columns={[
            { title: t("adm.audit.time"), dataIndex: "at", width: 160, render: (v: string) => dayjs(v).format("YYYY-MM-DD HH:mm:ss") },
            {
              title: t("adm.audit.action"),
              dataIndex: "action",
              width: 200,
              render: (v: string) => (
                <Typography.Link className="mono" onClick={() => filterBy("action", v)} title={t("adm.audit.onlyThis")}>
                  {v}
                </Typography.Link>
              ),
            },
            { title: t("adm.staff.role"), dataIndex: "role", width: 110, render: (v: string | null) => label(ROLE_LABELS, v, t.lang) },
            {
              title: t("adm.audit.user"),
              dataIndex: "userId",
              width: 110,
              render: (v: string | null) =>
                v ? (
                  <Typography.Link className="mono" onClick={() => filterBy("userId", v)} title={v}>
                    {v.slice(0, 8)}
                  </Typography.Link>
                ) : (
                  "—"
                ),
            },
            {
              title: t("adm.audit.target"),
              render: (_, r) => (
                <span>
                  {r.targetType}{" "}
                  {r.targetId && (
                    <Typography.Link className="mono" onClick={() => filterBy("targetId", r.targetId)} title={r.targetId}>
                      {r.targetId.length > 12 ? `${r.targetId.slice(0, 8)}…` : r.targetId}
                    </Typography.Link>
                  )}
                </span>
              ),
            },
            { title: "IP", dataIndex: "ip", width: 120, className: "mono" },
            { title: t("adm.audit.result"), dataIndex: "success", width: 70, render: (v: boolean) => (v ? <Tag color="green">{t("adm.audit.ok")}</Tag> : <Tag color="red">{t("adm.audit.failed")}</Tag>) },
          ]}
        />
      </QueryState>
      <Space style={{ marginTop: 12 }}>
        <Button disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          {t("adm.audit.prev")}
        </Button>
        <Typography.Text>{t.f("adm.audit.page", { n: cursors.length, size: PAGE })}</Typography.Text>
        <Button
          disabled={!q.data?.nextCursor}
          onClick={() => {
            const next = q.data?.nextCursor;
            if (next) setCursors((c) => [...c, next]);
          }}
        >
          {t("adm.audit.next")}
        </Button>
      </Space>
    </div>
  );
}
