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
import { fmtTime, maxLen, need, newIdemKey, PageHead, type Tr } from "../ops/ops-common.tsx";
import { WorkerPicker } from "../ops/WorkerPicker.tsx";

type Book = Out<"library.listBooks">[number];
type Loan = Out<"library.loans">[number];

const loanExport = (t: Tr): ExportColumn<Loan>[] => [
  { title: t("hall.book.title"), value: (r) => r.title },
  { title: t("hall.book.borrower"), value: (r) => r.workerName },
  { title: t("ops.tool.lentAt"), value: (r) => fmtTime(r.lentAt) },
  { title: t("ops.tool.dueDate"), value: (r) => r.dueDate },
  { title: t("ops.tool.returnedAt"), value: (r) => fmtTime(r.returnedAt) },
];
const bookExport = (t: Tr): ExportColumn<Book>[] => [
  { title: t("hall.book.title"), value: (r) => r.title },
  { title: t("hall.book.author"), value: (r) => r.author ?? "" },
  { title: "ISBN", value: (r) => r.isbn ?? "" },
  { title: t("hall.book.category"), value: (r) => r.category ?? "" },
  { title: t("hall.book.borrower"), value: (r) => r.borrowerName ?? "" },
  { title: t("ops.tool.dueDate"), value: (r) => r.dueDate ?? "" },
];

/** R8 reading room: free book lending, the catalogue and the loans out. */
export default function BooksPage() {
  const t = useT();
  const mayLend = useCan("library.lend");
  const [tab, setTab] = useState<string | undefined>();
  const items = [
    ...(mayLend ? [{ key: "lend", label: t("hall.book.tab.lend"), children: <LendBook /> }] : []),
    { key: "loans", label: t("hall.book.tab.loans"), children: <Loans /> },
    { key: "books", label: t("hall.book.tab.books"), children: <Catalogue /> },
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
      <Card size="small" title={t("hall.book.lendTitle")} style={{ marginBottom: 12 }}>
        {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} />}
        <Form<LendForm>
          form={form}
          layout="vertical"
          initialValues={{ dueDate: dayjs(addDays(today, 14)) }}
          onFinish={(v) => {
            formError.clear();
            lend.mutate(
              { workerId: v.workerId ?? "", bookId: v.bookId ?? "", dueDate: v.dueDate.format("YYYY-MM-DD"), idempotencyKey: key },
              { onSuccess: () => { message.success(t("ops.tool.lent")); form.resetFields(); setKey(newIdemKey()); }, onError: (e) => formError.show(e) },
            );
          }}
        >
          <Space align="start" wrap>
            <Form.Item name="workerId" label={t("ops.worker")} rules={[{ required: true, message: t("ops.workerRequired") }]} style={{ width: 340 }}>
              <WorkerPicker autoFocus testId="book-worker" />
            </Form.Item>
            <Form.Item name="bookId" label={t("hall.book.book")} rules={[need(t, t("hall.book.book"), true)]} style={{ width: 280 }}>
              <Select showSearch={{ optionFilterProp: "label" }} loading={books.isPending} placeholder={available.length ? t("hall.book.pick") : t("hall.book.noneOnShelf")}
                options={available.map((b) => ({ value: b.id, label: b.author ? `${b.title}${t.f("ops.c.paren", { s: b.author })}` : b.title }))} />
            </Form.Item>
            <Form.Item name="dueDate" label={t("ops.tool.dueDate")} rules={[need(t, t("ops.tool.dueDate"), true)]}>
              <DatePicker allowClear={false} disabledDate={(d) => d.format("YYYY-MM-DD") < today} style={{ width: 150 }} />
            </Form.Item>
            <Form.Item label=" "><Button type="primary" htmlType="submit" loading={lend.isPending}>{t("ops.tool.lend")}</Button></Form.Item>
          </Space>
        </Form>
      </Card>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t.f("ops.tool.outCount", { n: rows.length })}</Typography.Title>
        <ExportButton name={t("hall.book.outExport")} columns={loanExport(t)} rows={rows} />
      </Space>
      <QueryState isPending={open.isPending} error={open.error} onRetry={() => void open.refetch()} isEmpty={rows.length === 0} emptyText={t("hall.book.outEmpty")}>
        <Table<Loan> rowKey="id" size="middle" dataSource={rows} pagination={{ pageSize: 10 }}
          columns={[
            { title: t("hall.book.title"), dataIndex: "title" },
            { title: t("hall.book.borrower"), dataIndex: "workerName", render: (v: string) => <Typography.Text>{v}</Typography.Text> },
            { title: t("ops.tool.lentAt"), dataIndex: "lentAt", width: 160, render: (v: string) => fmtTime(v) },
            { title: t("ops.tool.dueDate"), dataIndex: "dueDate", width: 150, render: (v: string) => (v < today ? <span>{v} <Tag color="red">{t("ops.overdue")}</Tag></span> : v) },
            { title: t("common.actions"), width: 90, render: (_, r) => (
              <Button size="small" type="primary" loading={ret.isPending} onClick={() => ret.mutate({ loanId: r.id, idempotencyKey: newIdemKey() }, { onSuccess: () => message.success(t.f("hall.book.returned", { title: r.title })), onError: (e) => message.error(errorInfo(e).message) })}>{t("hall.book.return")}</Button>
            ) },
          ]} />
      </QueryState>
    </div>
  );
}

function Loans() {
  const t = useT();
  const [workerId, setWorkerId] = useState<string | undefined>();
  const q = useQ("library.loans", { workerId, limit: 500 });
  const rows = q.data ?? [];
  return (
    <div>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 8 }} wrap>
        <div style={{ width: 340 }}><WorkerPicker value={workerId} onChange={(id) => setWorkerId(id)} /></div>
        <ExportButton name={t("hall.book.loansExport")} columns={loanExport(t)} rows={rows} />
      </Space>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText={t("hall.book.loansEmpty")}>
        <Table<Loan> rowKey="id" size="middle" dataSource={rows} pagination={{ pageSize: 20 }}
          columns={[
            { title: t("hall.book.title"), dataIndex: "title" },
            { title: t("hall.book.borrower"), dataIndex: "workerName", render: (v: string) => <Typography.Text>{v}</Typography.Text> },
            { title: t("ops.tool.lentCol"), dataIndex: "lentAt", width: 160, render: (v: string) => fmtTime(v) },
            { title: t("ops.tool.due"), dataIndex: "dueDate", width: 120 },
            { title: t("ops.tool.returnedCol"), dataIndex: "returnedAt", width: 160, render: (v: string | null) => (v ? fmtTime(v) : <Tag color="orange">{t("ops.tool.out")}</Tag>) },
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
  const t = useT();
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
        <Card size="small" title={t("hall.book.newTitle")} style={{ marginBottom: 12 }}>
          {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} />}
          <Form<BookForm> form={form} layout="inline"
            onFinish={(v) => { formError.clear(); add.mutate({ title: v.title, author: v.author || undefined, isbn: v.isbn || undefined, category: v.category || undefined, idempotencyKey: key }, { onSuccess: () => { message.success(t.f("hall.book.added", { title: v.title })); form.resetFields(); setKey(newIdemKey()); }, onError: (e) => formError.show(e) }); }}>
            <Form.Item name="title" label={t("hall.book.title")} rules={[{ ...need(t, t("hall.book.title")), whitespace: true }, maxLen(t, t("hall.book.title"), 100)]}><Input style={{ width: 200 }} /></Form.Item>
            <Form.Item name="author" label={t("hall.book.author")} rules={[maxLen(t, t("hall.book.author"), 50)]}><Input style={{ width: 120 }} /></Form.Item>
            <Form.Item name="isbn" label="ISBN" rules={[{ pattern: /^[0-9Xx-]{10,17}$/, message: t("hall.book.isbnBad") }]}><Input style={{ width: 150 }} /></Form.Item>
            <Form.Item name="category" label={t("hall.book.category")}><Input style={{ width: 110 }} placeholder={t("hall.book.categoryPh")} /></Form.Item>
            <Form.Item><Button type="primary" htmlType="submit" loading={add.isPending}>{t("ops.c.register")}</Button></Form.Item>
          </Form>
        </Card>
      )}
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 8 }}>
        <Input.Search placeholder={t("hall.book.search")} allowClear onSearch={(v) => setQ(v.trim())} style={{ width: 260 }} />
        <ExportButton name={t("hall.book.tab.books")} columns={bookExport(t)} rows={rows} />
      </Space>
      <QueryState isPending={books.isPending} error={books.error} onRetry={() => void books.refetch()} isEmpty={rows.length === 0} emptyText={q ? t.f("hall.book.notFound", { q }) : t("hall.book.empty")}>
        <Table<Book> rowKey="id" size="middle" dataSource={rows} pagination={{ pageSize: 20, showTotal: (n) => t.f("hall.book.total", { n }) }}
          columns={[
            { title: t("hall.book.title"), dataIndex: "title" },
            { title: t("hall.book.author"), dataIndex: "author", width: 140 },
            { title: t("hall.book.category"), dataIndex: "category", width: 100 },
            { title: "ISBN", dataIndex: "isbn", width: 150 },
            { title: t("hall.book.onShelf"), width: 220, render: (_, b) => (b.out ? <span><Tag color="orange">{t("hall.book.lentTag")}</Tag>{b.borrowerName}{t.f("ops.tool.dueParen", { d: b.dueDate ?? "" })}</span> : <Tag color="green">{t("hall.book.onShelf")}</Tag>) },
          ]} />
      </QueryState>
    </div>
  );
}
