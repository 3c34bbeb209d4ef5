import { consentNotice, CURRENT_CONSENT_VERSION, type ConsentNotice } from "@lingong/core";

/**
 * The notice a worker reads (or has read to them) before registration, from core's versioned
 * CONSENT_NOTICES (PIPL 14, 17, 29): the API accepts only versions published there, so the
 * text shown here is exactly the text the recorded version names.
 */
const current = consentNotice(CURRENT_CONSENT_VERSION);
if (!current) throw new Error(`consent notice ${CURRENT_CONSENT_VERSION} is not published in @lingong/core`);
export const CURRENT_CONSENT: ConsentNotice = current;

/** The notice's text in the reader's language (the Chinese text is the binding one). */
export function consentText(notice: ConsentNotice, lang: "zh" | "en"): string {
  return lang === "en" ? notice.en : notice.zh;
}
