import { addDays } from "@lingong/core";
import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tabs, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useT } from "../../i18n/index.tsx";
import { useM, useQ } from "../../lib/api.ts";
import type { Out } from "../../lib/api-types.ts";
import { todayShanghai } from "../../lib/display.ts";
import { errorInfo } from "../../lib/errors.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { useCan } from "../../lib/session.ts";
import { useFormError } from "../../lib/use-form-error.ts";
import { fmtTime, newIdemKey, PageHead, req } from "../ops/ops-common.tsx";
import { WorkerPicker } from "../ops/WorkerPicker.tsx";

type Book = Out<"library.listBooks">[number];
type Loan = Out<"library.loans">[number];

const LOAN_EXPORT: ExportColumn<Loan>[] = [
  { title: "书名", value: (r) => r.title },
  { title: "借阅人", value: (r) => r.workerName },
  { title: "借出时间", value: (r) => fmtTime(r.lentAt) },
  { title: "应还日期", value: (r) => r.dueDate },
  { title: "归还时间", value: (r) => fmtTime(r.returnedAt) },
];
const BOOK_EXPORT: ExportColumn<Book>[] = [
  { title: "书名", value: (r) => r.title },
  { title: "作者", value: (r) => r.author ?? "" },
  { title: "ISBN", value: (r) => r.isbn ?? "" },
  { title: "分类", value: (r) => r.category ?? "" },
  { title: "借阅人", value: (r) => r.borrowerName ?? "" },
  { title: "应还日期", value: (r) => r.dueDate ?? "" },
];

/** R8 reading room: free book lending, the catalogue and the loans out. */
export default function BooksPage() {
  const t = useT();
  const mayLend = useCan("library.lend");
  const [tab, setTab] = useState<string | undefined>();
  const items = [
    ...(mayLend ? [{ key: "lend", label: "借书与还书", children: <LendBook /> }] : []),
    { key: "loans", label: "借阅记录", children: <Loans /> },
    { key: "books", label: "图书目录", children: <Catalogue /> },
  ];
  return (
    <div>
      <PageHead title={t("nav.books")} />
      <Tabs activeKey={tab ?? items[0]?.key} onChange={setTab} items={items} />
    </div>
  );
}

interface LendForm {
  workerId?: string;
  bookId?: string;
  dueDate: Dayjs;
}

function LendBook() {
  const t = useT();
  const [form] = Form.useForm<LendForm>();
  const books = useQ("library.listBooks", {});
  const open = useQ("library.loans", { open: true, limit: 500 });
  const lend = useM("library.lend");
  const ret = useM("library.return");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdemKey);
  const today = todayShanghai();
  const available = (books.data ?? []).filter((b) => !b.out);
  const rows = open.data ?? [];
  return (
    <div>
      <Card size="small" title="借书（免费）" style={{ marginBottom: 12 }}>
        {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} />}
        <Form<LendForm>
          form={form}
          layout="vertical"
          initialValues={{ dueDate: dayjs(addDays(today, 14)) }}
          onFinish={(v) => {
            formError.clear();
            lend.mutate(
              { workerId: v.workerId ?? "", bookId: v.bookId ?? "", dueDate: v.dueDate.format("YYYY-MM-DD"), idempotencyKey: key },
              { onSuccess: () => { message.success("已借出"); form.resetFields(); setKey(newIdemKey()); }, onError: (e) => formError.show(e) },
            );
          }}
        >
          <Space align="start" wrap>
            <Form.Item name="workerId" label={t("ops.worker")} rules={[{ required: true, message: t("ops.workerRequired") }]} style={{ width: 340 }}>
              <WorkerPicker autoFocus testId="book-worker" />
            </Form.Item>
            <Form.Item name="bookId" label="图书" rules={[req("图书", "请选择")]} style={{ width: 280 }}>
              <Select showSearch={{ optionFilterProp: "label" }} loading={books.isPending} placeholder={available.length ? "选择在架图书" : "没有在架图书"}
                options={available.map((b) => ({ value: b.id, label: b.author ? `${b.title}（${b.author}）` : b.title }))} />
            </Form.Item>
            <Form.Item name="dueDate" label="应还日期" rules={[req("应还日期", "请选择")]}>
              <DatePicker allowClear={false} disabledDate={(d) => d.format("YYYY-MM-DD") < today} style={{ width: 150 }} />
            </Form.Item>
            <Form.Item label=" "><Button type="primary" htmlType="submit" loading={lend.isPending}>借出</Button></Form.Item>
          </Space>
        </Form>
      </Card>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>借出中（{rows.length}）</Typography.Title>
        <ExportButton name="借出中的图书" columns={LOAN_EXPORT} rows={rows} />
      </Space>
      <QueryState isPending={open.isPending} error={open.error} onRetry={() => void open.refetch()} isEmpty={rows.length === 0} emptyText="目前没有借出的图书">
        <Table<Loan> rowKey="id" size="middle" dataSource={rows} pagination={{ pageSize: 10 }}
          columns={[
            { title: "书名", dataIndex: "title" },
            { title: "借阅人", dataIndex: "workerName", render: (v: string) => <Typography.Text>{v}</Typography.Text> },
            { title: "借出时间", dataIndex: "lentAt", width: 160, render: (v: string) => fmtTime(v) },
            { title: "应还日期", dataIndex: "dueDate", width: 150, render: (v: string) => (v < today ? <span>{v} <Tag color="red">{t("ops.overdue")}</Tag></span> : v) },
            { title: t("common.actions"), width: 90, render: (_, r) => (
              <Button size="small" type="primary" loading={ret.isPending} onClick={() => ret.mutate({ loanId: r.id, idempotencyKey: newIdemKey() }, { onSuccess: () => message.success(`《${r.title}》已归还`), onError: (e) => message.error(errorInfo(e).message) })}>还书</Button>
            ) },
          ]} />
      </QueryState>
    </div>
  );
}

function Loans() {
  const [workerId, setWorkerId] = useState<string | undefined>();
  const q = useQ("library.loans", { workerId, limit: 500 });
  const rows = q.data ?? [];
  return (
    <div>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 8 }} wrap>
        <div style={{ width: 340 }}><WorkerPicker value={workerId} onChange={(id) => setWorkerId(id)} /></div>
        <ExportButton name="图书借阅记录" columns={LOAN_EXPORT} rows={rows} />
      </Space>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText="没有借阅记录">
        <Table<Loan> rowKey="id" size="middle" dataSource={rows} pagination={{ pageSize: 20 }}
          columns={[
            { title: "书名", dataIndex: "title" },
            { title: "借阅人", dataIndex: "workerName", render: (v: string) => <Typography.Text>{v}</Typography.Text> },
            { title: "借出", dataIndex: "lentAt", width: 160, render: (v: string) => fmtTime(v) },
            { title: "应还", dataIndex: "dueDate", width: 120 },
            { title: "归还", dataIndex: "returnedAt", width: 160, render: (v: string | null) => (v ? fmtTime(v) : <Tag color="orange">借出中</Tag>) },
          ]} />
      </QueryState>
    </div>
  );
}

interface BookForm {
  title: string;
  author?: string;
  isbn?: string;
  category?: string;
}

function Catalogue() {
  const [q, setQ] = useState("");
  const books = useQ("library.listBooks", { q: q || undefined });
  const mayAdd = useCan("library.addBook");
  const [form] = Form.useForm<BookForm>();
  const add = useM("library.addBook");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdemKey);
  const rows = books.data ?? [];
  return (
    <div>
      {mayAdd && (
        <Card size="small" title="登记新书" style={{ marginBottom: 12 }}>
          {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} />}
          <Form<BookForm> form={form} layout="inline"
            onFinish={(v) => { formError.clear(); add.mutate({ title: v.title, author: v.author || undefined, isbn: v.isbn || undefined, category: v.category || undefined, idempotencyKey: key }, { onSuccess: () => { message.success(`已登记《${v.title}》`); form.resetFields(); setKey(newIdemKey()); }, onError: (e) => formError.show(e) }); }}>
            <Form.Item name="title" label="书名" rules={[{ required: true, whitespace: true, message: "请填写书名" }, { max: 100, message: "书名不能超过 100 个字" }]}><Input style={{ width: 200 }} /></Form.Item>
            <Form.Item name="author" label="作者" rules={[{ max: 50, message: "作者不能超过 50 个字" }]}><Input style={{ width: 120 }} /></Form.Item>
            <Form.Item name="isbn" label="ISBN" rules={[{ pattern: /^[0-9Xx-]{10,17}$/, message: "ISBN 格式不正确" }]}><Input style={{ width: 150 }} /></Form.Item>
            <Form.Item name="category" label="分类"><Input style={{ width: 110 }} placeholder="如：技能" /></Form.Item>
            <Form.Item><Button type="primary" htmlType="submit" loading={add.isPending}>登记</Button></Form.Item>
          </Form>
        </Card>
      )}
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 8 }}>
        <Input.Search placeholder="按书名查找" allowClear onSearch={(v) => setQ(v.trim())} style={{ width: 260 }} />
        <ExportButton name="图书目录" columns={BOOK_EXPORT} rows={rows} />
      </Space>
      <QueryState isPending={books.isPending} error={books.error} onRetry={() => void books.refetch()} isEmpty={rows.length === 0} emptyText={q ? `没有找到“${q}”` : "还没有登记图书"}>
        <Table<Book> rowKey="id" size="middle" dataSource={rows} pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 册` }}
          columns={[
            { title: "书名", dataIndex: "title" },
            { title: "作者", dataIndex: "author", width: 140 },
            { title: "分类", dataIndex: "category", width: 100 },
            { title: "ISBN", dataIndex: "isbn", width: 150 },
            { title: "在架", width: 220, render: (_, b) => (b.out ? <span><Tag color="orange">借出</Tag>{b.borrowerName}（应还 {b.dueDate}）</span> : <Tag color="green">在架</Tag>) },
          ]} />
      </QueryState>
    </div>
  );
}
