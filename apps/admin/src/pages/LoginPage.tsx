import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { useLang, useT } from "../i18n/index.tsx";
import { trpcClient } from "../lib/api.ts";
import { errorInfo } from "../lib/errors.ts";

interface LoginForm {
  username: string;
  password: string;
}

export default function LoginPage() {
  const t = useT();
  const { lang, setLang } = useLang();
  const [form] = Form.useForm<LoginForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const qc = useQueryClient();

  async function submit(values: LoginForm) {
    setBusy(true);
    setError(null);
    try {
      await trpcClient.mutation("auth.login", { username: values.username.trim(), password: values.password });
      qc.clear();
      const next = params.get("next");
      // only same-site paths: an open redirect would let a link send staff elsewhere after login
      navigate(next && next.startsWith("/") && !next.startsWith("//") ? next : "/", { replace: true });
    } catch (err) {
      const info = errorInfo(err);
      setError(info.message);
      form.setFieldValue("password", "");
      if (info.field?.[0] === "username") form.setFields([{ name: "username", errors: [info.message] }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ minHeight: "100vh", display: "grid", placeItems: "center", background: "linear-gradient(160deg,#e8f0fe,#f5f6f8)" }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: "center", marginTop: 0 }}>
          {t("login.title")}
        </Typography.Title>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item name="username" label={t("login.username")} rules={[{ required: true, message: t("login.usernameRequired") }]}>
            <Input autoFocus autoComplete="username" size="large" />
          </Form.Item>
          <Form.Item name="password" label={t("login.password")} rules={[{ required: true, message: t("login.passwordRequired") }]}>
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t("login.submit")}
          </Button>
        </Form>
        <div style={{ textAlign: "center", marginTop: 12 }}>
          <Button type="link" onClick={() => setLang(lang === "zh" ? "en" : "zh")}>
            {t("common.language")}
          </Button>
        </div>
      </Card>
    </div>
  );
}
