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

const EMPLOYER_EVENTS = Object.entries(DEFAULT_EMPLOYER_POLICY.events).map(([value, e]) => ({ value, label: e.label }));

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
    !uid ? t("desk.c.unassigned") : uid === session?.userId ? t.f("desk.c.me", { name: session.displayName }) : (assignees.find((a) => a.id === uid)?.name ?? t("desk.c.assigned"));
  const c = q.data;
  return (
    <Drawer open onClose={onClose} size={720} title={c ? t.f("desk.c.title", { caseNo: c.caseNo }) : t("desk.c.titleShort")} destroyOnHidden>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()}>
        {c && (
          <div data-testid="complaint-detail">
            <Descriptions size="small" bordered column={2}>
              <Descriptions.Item label={t("common.status")}><EnumTag map={COMPLAINT_STATUS_LABELS} value={c.status} lang={t.lang} />{c.overdue && <Tag color="red">{t("ops.overdue")}</Tag>}</Descriptions.Item>
              <Descriptions.Item label={t("desk.c.category")}><EnumTag map={COMPLAINT_CATEGORY_LABELS} value={c.category} lang={t.lang} /></Descriptions.Item>
              <Descriptions.Item label={t("desk.c.complainant")}>{label(COMPLAINT_PARTY_LABELS, c.complainant, t.lang)}</Descriptions.Item>
              <Descriptions.Item label={t("desk.c.respondent")}>{label(COMPLAINT_PARTY_LABELS, c.respondent, t.lang)}</Descriptions.Item>
              <Descriptions.Item label={t("ops.worker")}>{c.worker ? <Typography.Text>{t.f("desk.c.workerLine", { name: c.worker.name, no: c.worker.workerNo, phone: c.worker.phoneMasked ?? "" })}</Typography.Text> : "—"}</Descriptions.Item>
              <Descriptions.Item label={t("desk.employer")}>{c.employer ? <Typography.Text>{t.f("desk.c.employerLine", { name: c.employer.name, contact: c.employer.contactName, phone: c.employer.contactPhoneMasked ?? "" })}</Typography.Text> : "—"}</Descriptions.Item>
              <Descriptions.Item label={t("desk.c.filed")}>{t.f("desk.c.filedLine", { time: fmtTime(c.filedAt), source: label(COMPLAINT_SOURCE_LABELS, c.source, t.lang) })}</Descriptions.Item>
              <Descriptions.Item label={t("desk.c.assignee")}>{assigneeName(c.assignedTo)}</Descriptions.Item>
              <Descriptions.Item label={t("desk.c.acceptBy")}><Deadline day={c.acceptDeadline} overdue={c.status === "filed" && c.overdue} /></Descriptions.Item>
              <Descriptions.Item label={t("desk.c.resolveBy")}><Deadline day={c.resolveDeadline} overdue={c.status !== "filed" && c.overdue} /></Descriptions.Item>
              <Descriptions.Item label={t("desk.c.description")} span={2}><Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>{c.description}</Typography.Paragraph></Descriptions.Item>
              {c.outcome && (
                <Descriptions.Item label={t("desk.c.outcome")} span={2}>
                  {c.upheld !== null && <Tag color={c.upheld ? "red" : "default"}>{c.upheld ? t("desk.c.upheld") : t("desk.c.notUpheld")}</Tag>}
                  <Typography.Text style={{ whiteSpace: "pre-wrap" }}>{c.outcome}</Typography.Text>
                </Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Title level={5} style={{ marginTop: 16 }}>{t("desk.c.notes")}</Typography.Title>
            {c.notes.length === 0 ? (
              <Typography.Paragraph type="secondary">{t("desk.c.noNotes")}</Typography.Paragraph>
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
  const t = useT();
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
  const me = session ? { id: session.userId, name: t.f("desk.c.me", { name: session.displayName }) } : null;
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
          <Form.Item name="assignedTo" label={t("desk.c.assignee")} rules={[{ required: true, message: t("desk.c.assigneeRequired") }]} style={{ width: 220, marginBottom: 8 }}>
            <Select options={people.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          {c.status === "filed" ? (
            <Button type="primary" loading={accept.isPending} data-testid="complaint-accept"
              onClick={() => form.validateFields(["assignedTo"]).then((v) => { formError.clear(); accept.mutate({ complaintId: c.id, assignedTo: v.assignedTo!, idempotencyKey: key }, ok(t("desk.c.accepted"))); }, shownOnForm)}>
              {t("desk.c.acceptAssign")}
            </Button>
          ) : (
            <Button loading={assign.isPending}
              onClick={() => form.validateFields(["assignedTo"]).then((v) => { formError.clear(); assign.mutate({ complaintId: c.id, assignedTo: v.assignedTo!, idempotencyKey: key }, ok(t("desk.c.reassigned"))); }, shownOnForm)}>
              {t("desk.c.reassign")}
            </Button>
          )}
        </Space>
        {c.status !== "filed" && (
          <>
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as Mode)} optionType="button" style={{ margin: "8px 0" }}
              options={(["note", "resolve", "refer", "withdraw"] as const).map((m) => ({ value: m, label: t(`desk.c.mode.${m}`) }))} />
            {mode === "resolve" && (
              <Space align="start" wrap>
                <Form.Item name="upheld" label={t("desk.c.isUpheld")} rules={[{ required: true, message: t("desk.c.isUpheldRequired") }]}>
                  <Radio.Group optionType="button" options={[{ value: true, label: t("desk.c.yesUpheld") }, { value: false, label: t("desk.c.noUpheld") }]} data-testid="complaint-upheld" />
                </Form.Item>
                {upheld && c.respondent === "employer" && (
                  <Form.Item name="employerEvent" label={t("desk.c.employerEvent")} style={{ width: 260 }}>
                    <Select allowClear options={EMPLOYER_EVENTS.map((e) => ({ value: e.value, label: t.pick(e.label) }))} placeholder={t("desk.c.byCategory")} />
                  </Form.Item>
                )}
              </Space>
            )}
            {mode === "refer" && (
              <Form.Item name="to" label={t("desk.c.referTo")}>
                <Radio.Group optionType="button" options={[{ value: "inspection", label: t("desk.c.inspection") }, { value: "arbitration", label: t("desk.c.arbitration") }]} />
              </Form.Item>
            )}
            <Form.Item
              name="body"
              label={t(`desk.c.body.${mode}`)}
              rules={[{ required: true, whitespace: true, message: t.f("desk.c.fill", { field: t(`desk.c.body.${mode}`) }) }, { max: mode === "withdraw" ? 500 : 2000, message: t("desk.c.tooLong") }]}
            >
              <Input.TextArea rows={3} data-testid="complaint-body" placeholder={t("desk.c.ctrlEnter")} onKeyDown={(e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) document.getElementById("complaint-act")?.click(); }} />
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
                  if (mode === "note") note.mutate({ complaintId: c.id, body, idempotencyKey: key }, ok(t("desk.c.noted")));
                  else if (mode === "refer") refer.mutate({ complaintId: c.id, to: v.to!, outcome: body, idempotencyKey: key }, ok(t("desk.c.referred")));
                  else if (mode === "withdraw") withdraw.mutate({ complaintId: c.id, reason: body, idempotencyKey: key }, ok(t("desk.c.withdrawn")));
                  else
                    resolve.mutate(
                      { complaintId: c.id, outcome: body, upheld: v.upheld!, employerEvent: (v.employerEvent as Parameters<typeof resolve.mutate>[0]["employerEvent"]) || undefined, idempotencyKey: key },
                      { ...ok(t("desk.c.resolved")), onSuccess: (r) => { ok(t("desk.c.resolved")).onSuccess(); setEmployerResult(r.employerDecision); } },
                    );
                }, shownOnForm)
              }
            >
              {t(`desk.c.act.${mode}`)}
            </Button>
          </>
        )}
      </Form>
    </div>
  );
}

function EmployerDecision({ d }: { d: Resolved["employerDecision"] }) {
  const t = useT();
  if (!d) return null;
  const r = d as { reasons?: { code: string; zh: string; en: string }[] };
  return (
    <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t("desk.c.employerDecision")} description={<Reasons reasons={r.reasons ?? []} />} />
  );
}
