import { useLang, useT } from "../i18n/index.tsx";
import "./lang-toggle.css";

/** 中文 / English switch for visitors on the public pages; the choice is remembered on the phone. */
export function LangToggle() {
  const { lang, setLang } = useLang();
  const t = useT();
  return (
    <button type="button" className="lang-toggle" lang={lang === "zh" ? "en" : "zh"} onClick={() => setLang(lang === "zh" ? "en" : "zh")} data-testid="lang-toggle">
      {t("common.language")}
    </button>
  );
}
