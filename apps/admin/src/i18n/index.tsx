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

/** `?lang=en` / `?lang=zh` in the address (a link shared with a visitor), or `null`. */
export function langFromUrl(search: string = typeof location === "undefined" ? "" : location.search): Lang | null {
  const v = new URLSearchParams(search).get("lang");
  return v === "en" || v === "zh" ? v : null;
}

function initialLang(): Lang {
  const fromUrl = langFromUrl();
  if (fromUrl) return fromUrl;
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "zh";
  } catch {
    return "zh";
  }
}

/**
 * Provides the language. With `lang` given the language is pinned for that subtree (the hall
 * screen reads only its address, never a visitor's saved choice).
 */
export function I18nProvider({ children, lang: pinned }: { children: ReactNode; lang?: Lang }) {
  const [chosen, setLangState] = useState<Lang>(initialLang);
  const lang = pinned ?? chosen;
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
    /** `t.f("pub.headcount", { n: 3 })`: the message with each `{name}` replaced. */
    t.f = (key: MessageKey, vars: Record<string, string | number>): string => dict[key].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
    t.lang = lang;
    return t;
  }, [lang]);
}
