import { QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider, theme } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { StrictMode, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { LangContext, type Lang } from "./i18n.ts";
import { queryClient, trpcClient, TRPCProvider } from "./trpc.ts";
import "./styles.css";

function Root() {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem("lingong.lang") === "en" ? "en" : "zh"));
  const value = useMemo(
    () => ({
      lang,
      setLang(l: Lang) {
        localStorage.setItem("lingong.lang", l);
        setLangState(l);
      },
    }),
    [lang],
  );
  dayjs.locale(lang === "en" ? "en" : "zh-cn");
  return (
    <LangContext.Provider value={value}>
      <ConfigProvider
        locale={lang === "en" ? enUS : zhCN}
        theme={{ algorithm: window.location.hash === "#big" ? theme.darkAlgorithm : theme.defaultAlgorithm, token: { colorPrimary: "#1f6feb", fontFamily: "'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif" } }}
      >
        <AntApp>
          <App />
        </AntApp>
      </ConfigProvider>
    </LangContext.Provider>
  );
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <Root />
        </TRPCProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
