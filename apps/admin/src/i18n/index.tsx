import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import { en } from "./en.ts";
import { zh, type MessageKey } from "./zh.ts";

export type Lang = "zh" | "en";

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
}

const I18nContext = createContext<I18n>({ lang: "zh", setLang: () => {} });

const STORAGE_KEY = "lingong.lang";

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "zh";
  } catch {
    return "zh";
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang(next) {
        setLangState(next);
        try {
          localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // private mode: the choice lasts for this page only
        }
      },
    }),
    [lang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useLang(): I18n {
  return useContext(I18nContext);
}

/** `t(key)` in the current language; `t.pick(reason)` picks `zh`/`en` from a bilingual object. */
export function useT() {
  const { lang } = useContext(I18nContext);
  return useMemo(() => {
    const dict = lang === "en" ? en : zh;
    const t = (key: MessageKey): string => dict[key];
    t.pick = (o: { zh: string; en: string } | null | undefined): string => (o ? (lang === "en" ? o.en : o.zh) : "");
    t.lang = lang;
    return t;
  }, [lang]);
}
