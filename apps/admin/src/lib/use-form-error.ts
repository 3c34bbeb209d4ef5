import type { FormInstance } from "antd";
import { useState } from "react";
import { useLang } from "../i18n/index.tsx";
import { errorInfo } from "./errors.ts";

/**
 * Shows a failed call on a form: the message (in the reader's language where the server gave one)
 * in an alert and, when the server names a field the form has, on that field. Nothing typed is cleared.
 */
export function useFormError(form: FormInstance) {
  const [error, setError] = useState<string | null>(null);
  const { lang } = useLang();
  return {
    error,
    clear: () => setError(null),
    show(err: unknown) {
      const info = errorInfo(err, lang);
      setError(info.message);
      if (info.field) {
        try {
          form.setFields([{ name: info.field, errors: [info.message] }]);
          form.scrollToField(info.field);
          form.focusField(info.field);
        } catch {
          // the named field is not on this form; the alert still says it
        }
      }
    },
  };
}
