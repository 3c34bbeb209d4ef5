import { DEFAULT_EMPLOYER_POLICY } from "@lingong/core";
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Radio, Select, Space, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import { QueryState } from "../../components/QueryState.tsx";
import { Reasons } from "../../components/Reasons.tsx";
import { useT } from "../../i18n/index.tsx";
import { useM, useQ } from "../../lib/api.ts";
import type { Out } from "../../lib/api-types.ts";
import { useCan, useSession } from "../../lib/session.ts";
import { useFormError } from "../../lib/use-form-error.ts";
import { EnumTag, fmtTime, label, newIdemKey } from "../ops/ops-common.tsx";
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_PARTY_LABELS, COMPLAINT_SOURCE_LABELS, COMPLAINT_STATUS_LABELS } from "../ops/labels.ts";

type Complaint = Out<"complaints.get">;
type Resolved = Out<"complaints.resolve">;
export interface Assignee {
  id: string;
  name: string;
}

const EMPLOYER_EVENTS = Object.entries(DEFAULT_EMPLOYER_POLICY.events).map(([value, e]) => ({ value, label: e.label.zh }));

export function Deadline({ day, overdue }: { day: string; overdue: boolean }) {
  const t = useT();
  return overdue ? <span>{day} <Tag color="red">{t("ops.overdue")}</Tag></span> : <span>{day}</span>;
}

/** One case: parties, deadlines, notes; accept/assign, mediation notes, resolve, refer or withdraw. */
export function ComplaintDetail({ id, assignees, onClose }: { id: string; assignees: Assignee[]; onClose: () => void }) {
  const t = useT();
  const q = useQ("complaints.get", { complaintId: id });
  const { session } = useSession();
  const assigneeName = (uid: string | null) =>
    !uid ? "未指派" : uid === session?.userId ? `${session.displayName}（我）` : (assignees.find((a) => a.id === uid)?.name ?? "已指派");
  const c = q.data;
  return (
    <Drawer open onClose={onClose} size={720} title={c ? `投诉 ${c.caseNo}` : "投诉"} destroyOnHidden>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()}>
        {c && (
          <div data-testid="complaint-detail">
            <Descriptions size="small" bordered column={2}>
              <Descriptions.Item label="状态"><EnumTag map={COMPLAINT_STATUS_LABELS} value={c.status} lang={t.lang} />{c.overdue && <Tag color="red">{t("ops.overdue")}</Tag>}</Descriptions.Item>
              <Descriptions.Item label="类别"><EnumTag map={COMPLAINT_CATEGORY_LABELS} value={c.category} lang={t.lang} /></Descriptions.Item>
              <Descriptions.Item label="投诉人">{label(COMPLAINT_PARTY_LABELS, c.complainant, t.lang)}</Descriptions.Item>
              <Descriptions.Item label="被投诉方">{label(COMPLAINT_PARTY_LABELS, c.respondent, t.lang)}</Descriptions.Item>
              <Descriptions.Item label="零工">{c.worker ? <Typography.Text>{c.worker.name}（{c.worker.workerNo}，{c.worker.phoneMasked}）</Typography.Text> : "—"}</Descriptions.Item>
              <Descriptions.Item label="用工方">{c.employer ? <Typography.Text>{c.employer.name}（{c.employer.contactName} {c.employer.contactPhoneMasked}）</Typography.Text> : "—"}</Descriptions.Item>
              <Descriptions.Item label="登记">{fmtTime(c.filedAt)}（{label(COMPLAINT_SOURCE_LABELS, c.source, t.lang)}）</Descriptions.Item>
              <Descriptions.Item label="承办人">{assigneeName(c.assignedTo)}</Descriptions.Item>
              <Descriptions.Item label="受理期限"><Deadline day={c.acceptDeadline} overdue={c.status === "filed" && c.overdue} /></Descriptions.Item>
              <Descriptions.Item label="办结期限"><Deadline day={c.resolveDeadline} overdue={c.status !== "filed" && c.overdue} /></Descriptions.Item>
              <Descriptions.Item label="投诉内容" span={2}><Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>{c.description}</Typography.Paragraph></Descriptions.Item>
              {c.outcome && (
                <Descriptions.Item label="处理结果" span={2}>
                  {c.upheld !== null && <Tag color={c.upheld ? "red" : "default"}>{c.upheld ? "投诉成立" : "投诉不成立"}</Tag>}
                  <Typography.Text style={{ whiteSpace: "pre-wrap" }}>{c.outcome}</Typography.Text>
                </Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Title level={5} style={{ marginTop: 16 }}>调解记录</Typography.Title>
            {c.notes.length === 0 ? (
              <Typography.Paragraph type="secondary">还没有调解记录。</Typography.Paragraph>
            ) : (
              <Timeline items={c.notes.map((n) => ({ content: <div><Typography.Text type="secondary">{fmtTime(n.writtenAt)} {n.writtenByName}</Typography.Text><div style={{ whiteSpace: "pre-wrap" }}><Typography.Text>{n.body}</Typography.Text></div></div> }))} />
            )}
            <Actions c={c} assignees={assignees} />
          </div>
        )}
      </QueryState>
    </Drawer>
  );
}

/** A failed validation is already shown under its fields. */
const shownOnForm = () => undefined;

type Mode = "note" | "resolve" | "refer" | "withdraw";

interface ActForm {
  assignedTo?: string;
  body?: string;
  upheld?: boolean;
  employerEvent?: string;
  to?: "inspection" | "arbitration";
}

function Actions({ c, assignees }: { c: Complaint; assignees: Assignee[] }) {
  const { session } = useSession();
  const may = useCan("complaints.accept");
  const [form] = Form.useForm<ActForm>();
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [mode, setMode] = useState<Mode>("note");
  const [key, setKey] = useState(newIdemKey);
  const [employerResult, setEmployerResult] = useState<Resolved["employerDecision"] | null>(null);
  const accept = useM("complaints.accept");
  const assign = useM("complaints.assign");
  const note = useM("complaints.addNote");
  const resolve = useM("complaints.resolve");
  const refer = useM("complaints.refer");
  const withdraw = useM("complaints.withdraw");
  const upheld = Form.useWatch("upheld", form);
  if (!may) return null;
  const me = session ? { id: session.userId, name: `${session.displayName}（我）` } : null;
  const people = [...(me ? [me] : []), ...assignees.filter((a) => a.id !== me?.id)];
  const ok = (text: string) => ({
    onSuccess: () => {
      message.success(text);
      form.resetFields(["body", "upheld", "employerEvent", "to"]);
      setKey(newIdemKey());
    },
    onError: (e: unknown) => formError.show(e),
  });
  const open = c.status === "filed" || c.status === "accepted" || c.status === "mediating";
  if (!open) return employerResult ? <EmployerDecision d={employerResult} /> : null;

  return (
    <div style={{ marginTop: 16, borderTop: "1px solid #eee", paddingTop: 12 }}>
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} data-testid="complaint-action-error" />}
      <Form<ActForm> form={form} layout="vertical" initialValues={{ assignedTo: c.assignedTo ?? me?.id, to: "inspection" }}>
        <Space align="end" wrap>
          <Form.Item name="assignedTo" label="承办人" rules={[{ required: true, message: "请选择承办人" }]} style={{ width: 220, marginBottom: 8 }}>
            <Select options={people.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          {c.status === "filed" ? (
            <Button type="primary" loading={accept.isPending} data-testid="complaint-accept"
              onClick={() => form.validateFields(["assignedTo"]).then((v) => { formError.clear(); accept.mutate({ complaintId: c.id, assignedTo: v.assignedTo!, idempotencyKey: key }, ok("已受理")); }, shownOnForm)}>
              受理并指派
            </Button>
          ) : (
            <Button loading={assign.isPending}
              onClick={() => form.validateFields(["assignedTo"]).then((v) => { formError.clear(); assign.mutate({ complaintId: c.id, assignedTo: v.assignedTo!, idempotencyKey: key }, ok("已改派")); }, shownOnForm)}>
              改派
            </Button>
          )}
        </Space>
        {c.status !== "filed" && (
          <>
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as Mode)} optionType="button" style={{ margin: "8px 0" }}
              options={[{ value: "note", label: "记录调解" }, { value: "resolve", label: "办结" }, { value: "refer", label: "移交" }, { value: "withdraw", label: "撤回" }]} />
            {mode === "resolve" && (
              <Space align="start" wrap>
                <Form.Item name="upheld" label="投诉是否成立" rules={[{ required: true, message: "请选择投诉是否成立" }]}>
                  <Radio.Group optionType="button" options={[{ value: true, label: "成立" }, { value: false, label: "不成立" }]} data-testid="complaint-upheld" />
                </Form.Item>
                {upheld && c.respondent === "employer" && (
                  <Form.Item name="employerEvent" label="记入用工方记录" style={{ width: 260 }}>
                    <Select allowClear options={EMPLOYER_EVENTS} placeholder="按类别默认" />
                  </Form.Item>
                )}
              </Space>
            )}
            {mode === "refer" && (
              <Form.Item name="to" label="移交给">
                <Radio.Group optionType="button" options={[{ value: "inspection", label: "劳动保障监察" }, { value: "arbitration", label: "劳动人事争议仲裁" }]} />
              </Form.Item>
            )}
            <Form.Item
              name="body"
              label={{ note: "调解情况", resolve: "处理结果", refer: "移交说明", withdraw: "撤回原因" }[mode]}
              rules={[{ required: true, whitespace: true, message: `请填写${{ note: "调解情况", resolve: "处理结果", refer: "移交说明", withdraw: "撤回原因" }[mode]}` }, { max: mode === "withdraw" ? 500 : 2000, message: "内容过长" }]}
            >
              <Input.TextArea rows={3} data-testid="complaint-body" placeholder="Ctrl+Enter 提交" onKeyDown={(e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) document.getElementById("complaint-act")?.click(); }} />
            </Form.Item>
            <Button
              id="complaint-act"
              type="primary"
              data-testid="complaint-act"
              loading={note.isPending || resolve.isPending || refer.isPending || withdraw.isPending}
              onClick={() =>
                form.validateFields(mode === "resolve" ? ["body", "upheld", "employerEvent"] : mode === "refer" ? ["body", "to"] : ["body"]).then((v) => {
                  formError.clear();
                  const body = v.body!.trim();
                  if (mode === "note") note.mutate({ complaintId: c.id, body, idempotencyKey: key }, ok("已记录调解情况"));
                  else if (mode === "refer") refer.mutate({ complaintId: c.id, to: v.to!, outcome: body, idempotencyKey: key }, ok("已移交"));
                  else if (mode === "withdraw") withdraw.mutate({ complaintId: c.id, reason: body, idempotencyKey: key }, ok("已撤回"));
                  else
                    resolve.mutate(
                      { complaintId: c.id, outcome: body, upheld: v.upheld!, employerEvent: (v.employerEvent as Parameters<typeof resolve.mutate>[0]["employerEvent"]) || undefined, idempotencyKey: key },
                      { ...ok("已办结"), onSuccess: (r) => { ok("已办结").onSuccess(); setEmployerResult(r.employerDecision); } },
                    );
                }, shownOnForm)
              }
            >
              {{ note: "保存调解记录", resolve: "办结", refer: "移交", withdraw: "撤回投诉" }[mode]}
            </Button>
          </>
        )}
      </Form>
    </div>
  );
}

function EmployerDecision({ d }: { d: Resolved["employerDecision"] }) {
  if (!d) return null;
  const r = d as { reasons?: { code: string; zh: string; en: string }[] };
  return (
    <Alert type="warning" showIcon style={{ marginTop: 12 }} title="已记入用工方记录，请负责人按规则决定是否警告或清退" description={<Reasons reasons={r.reasons ?? []} />} />
  );
}
