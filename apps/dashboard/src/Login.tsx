import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input } from "antd";
import { translator, useLang } from "./i18n.ts";
import { useTRPC } from "./trpc.ts";

export function Login({ onDone }: { onDone(): void }) {
  const trpc = useTRPC();
  const { lang, setLang } = useLang();
  const t = translator(lang);
  const login = useMutation(trpc.auth.login.mutationOptions({ onSuccess: onDone }));
  return (
    <div className="login-page">
      <Card title={`${t("title")} · ${t("loginTitle")}`} style={{ width: 400 }} extra={<Button size="small" onClick={() => setLang(lang === "zh" ? "en" : "zh")}>{t("lang")}</Button>}>
        {login.error ? <Alert type="error" title={login.error.message} style={{ marginBottom: 12 }} /> : null}
        <Form layout="vertical" onFinish={(v: { username: string; password: string }) => login.mutate(v)}>
          <Form.Item name="username" label={t("username")} rules={[{ required: true }]}>
            <Input autoComplete="username" id="username" />
          </Form.Item>
          <Form.Item name="password" label={t("password")} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" id="password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>{t("login")}</Button>
        </Form>
      </Card>
    </div>
  );
}
