import { QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { StrictMode, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { I18nProvider, useLang } from "./i18n/index.tsx";
import { queryClient } from "./lib/api.ts";
import { router } from "./routes.tsx";
import "./styles.css";

function Localised({ children }: { children: ReactNode }) {
  const { lang } = useLang();
  dayjs.locale(lang === "en" ? "en" : "zh-cn");
  return (
    <ConfigProvider
      locale={lang === "en" ? enUS : zhCN}
      theme={{ token: { fontSize: 15, colorPrimary: "#1f6feb", fontFamily: "'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif" } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <Localised>
            <RouterProvider router={router} />
          </Localised>
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
