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
import { label, PageHead } from "../ops/ops-common.tsx";
import { ROLE_LABELS } from "./admin-common.ts";

type AuditRow = Out<"privacy.auditLog">["items"][number];
type Filters = Omit<In<"privacy.auditLog">, "cursor" | "limit">;

const PAGE = 50;
const PRE = { margin: 0, whiteSpace: "pre-wrap", fontSize: 12, maxHeight: 240, overflow: "auto" } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function json(v: unknown): string {
  return v === null || v === undefined ? "" : JSON.stringify(v, null, 2);
}

const EXPORT: ExportColumn<AuditRow>[] = [
  { title: "编号", value: (r) => r.id },
  { title: "时间", value: (r) => dayjs(r.at).format("YYYY-MM-DD HH:mm:ss") },
  { title: "操作", value: (r) => r.action },
  { title: "用户", value: (r) => r.userId ?? "" },
  { title: "角色", value: (r) => label(ROLE_LABELS, r.role) },
  { title: "IP", value: (r) => r.ip ?? "" },
  { title: "对象类型", value: (r) => r.targetType },
  { title: "对象", value: (r) => r.targetId ?? "" },
  { title: "结果", value: (r) => (r.success ? "成功" : "失败") },
  { title: "修改前（已脱敏）", value: (r) => JSON.stringify(r.before ?? null) },
  { title: "修改后（已脱敏）", value: (r) => JSON.stringify(r.after ?? null) },
  { title: "详情（已脱敏）", value: (r) => JSON.stringify(r.detail ?? null) },
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
        <ExportButton name="审计日志" columns={EXPORT} rows={rows} />
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
        <Form.Item name="range" label="时间" rules={[{ required: true, message: "请选择起止日期" }]}>
          <DatePicker.RangePicker allowClear={false} style={{ width: 250 }} />
        </Form.Item>
        <Form.Item name="action" label="操作">
          <Input placeholder="如 staff.create" allowClear style={{ width: 160 }} data-testid="audit-action" />
        </Form.Item>
        <Form.Item name="userId" label="用户编号" rules={[{ pattern: UUID, message: "用户编号格式不正确（应为 36 位编号）" }]}>
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="targetId" label="对象编号" rules={[{ max: 200, message: "对象编号不能超过 200 个字符" }]}>
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="audit-search">
              查询
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                apply({ from: addDays(today, -6), to: today });
              }}
            >
              重置
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText="该条件下没有审计记录">
        <Table<AuditRow>
          rowKey="id"
          size="small"
          data-testid="audit-list"
          dataSource={rows}
          pagination={false}
          expandable={{
            expandedRowRender: (r) => (
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label="请求编号">{r.requestId ?? ""}</Descriptions.Item>
                <Descriptions.Item label="修改前（已脱敏）">
                  <pre style={PRE}>{json(r.before) || "—"}</pre>
                </Descriptions.Item>
                <Descriptions.Item label="修改后（已脱敏）">
                  <pre style={PRE}>{json(r.after) || "—"}</pre>
                </Descriptions.Item>
                <Descriptions.Item label="详情（已脱敏）">
                  <pre style={PRE}>{json(r.detail) || "—"}</pre>
                </Descriptions.Item>
              </Descriptions>
            ),
          }}
          columns={[
            { title: "时间", dataIndex: "at", width: 160, render: (v: string) => dayjs(v).format("YYYY-MM-DD HH:mm:ss") },
            {
              title: "操作",
              dataIndex: "action",
              width: 200,
              render: (v: string) => (
                <Typography.Link className="mono" onClick={() => filterBy("action", v)} title="只看这种操作">
                  {v}
                </Typography.Link>
              ),
            },
            { title: "角色", dataIndex: "role", width: 110, render: (v: string | null) => label(ROLE_LABELS, v) },
            {
              title: "用户",
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
              title: "对象",
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
            { title: "结果", dataIndex: "success", width: 70, render: (v: boolean) => (v ? <Tag color="green">成功</Tag> : <Tag color="red">失败</Tag>) },
          ]}
        />
      </QueryState>
      <Space style={{ marginTop: 12 }}>
        <Button disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          上一页
        </Button>
        <Typography.Text>第 {cursors.length} 页（每页 {PAGE} 条）</Typography.Text>
        <Button
          disabled={!q.data?.nextCursor}
          onClick={() => {
            const next = q.data?.nextCursor;
            if (next) setCursors((c) => [...c, next]);
          }}
        >
          下一页
        </Button>
      </Space>
    </div>
  );
}
