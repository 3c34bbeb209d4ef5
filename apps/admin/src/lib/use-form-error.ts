import type { FormInstance } from "antd";
import { useState } from "react";
import { errorInfo } from "./errors.ts";

/**
 * Shows a failed call on a form: the message in an alert and, when the server names a field the
 * form has, on that field. Nothing typed is cleared.
 */
export function useFormError(form: FormInstance) {
  const [error, setError] = useState<string | null>(null);
  return {
    error,
    clear: () => setError(null),
    show(err: unknown) {
      const info = errorInfo(err);
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
