import { Alert, Space, Typography } from "antd";
import { useState } from "react";

export interface PickedFile {
  name: string;
  mime: string;
  size: number;
  base64: string;
  previewUrl: string;
}

/** Same limits as the server's worker_documents table (JPEG/PNG up to 2 MB). */
export const DOC_MIMES = ["image/jpeg", "image/png"];
export const DOC_MAX_BYTES = 2 * 1024 * 1024;

export function checkDocument(file: { type: string; size: number }, label: string): string | null {
  if (!DOC_MIMES.includes(file.type)) return `${label}只能是 JPG 或 PNG 图片`;
  if (file.size > DOC_MAX_BYTES) return `${label}不能超过 2 MB（当前 ${(file.size / 1024 / 1024).toFixed(1)} MB）`;
  return null;
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ""));
    r.onerror = () => reject(r.error ?? new Error("读取文件失败"));
    r.readAsDataURL(file);
  });
}

/**
 * A plain file input with `capture`, so a phone or a tablet at the counter opens its camera and a
 * PC opens the file dialog. Shows a thumbnail of the picked image.
 */
export function FileField({ label, capture, value, onChange, testId }: { label: string; capture: "user" | "environment"; value: PickedFile | null; onChange: (f: PickedFile | null) => void; testId?: string }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <Space orientation="vertical" size={4}>
      <input
        type="file"
        accept="image/jpeg,image/png"
        capture={capture}
        aria-label={label}
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          setError(null);
          if (!file) return onChange(null);
          const problem = checkDocument(file, label);
          if (problem) {
            setError(problem);
            e.target.value = "";
            return onChange(null);
          }
          readBase64(file).then(
            (base64) => onChange({ name: file.name, mime: file.type, size: file.size, base64, previewUrl: URL.createObjectURL(file) }),
            () => setError(`${label}读取失败，请重新选择`),
          );
        }}
      />
      {value && <img src={value.previewUrl} alt={label} style={{ maxWidth: 160, maxHeight: 110, border: "1px solid #ddd" }} />}
      {value && <Typography.Text type="secondary">{value.name}</Typography.Text>}
      {error && <Alert type="error" title={error} showIcon />}
    </Space>
  );
}
