/** Export any list to .xlsx. The writer is loaded on first use so it stays out of the main bundle. */
export interface ExportColumn<T> {
  title: string;
  value: (row: T) => string | number | boolean | Date | null | undefined;
}

export type SheetCell = string | number | boolean | Date | null;

/** Header row plus one row per record; missing values become empty cells. */
export function toSheetRows<T>(columns: readonly ExportColumn<T>[], rows: readonly T[]): SheetCell[][] {
  return [columns.map((c) => c.title), ...rows.map((r) => columns.map((c) => c.value(r) ?? null))];
}

/** File name with the day appended, e.g. `零工档案-2024-05-01.xlsx`; strips characters Windows refuses. */
export function exportFileName(base: string, day: string): string {
  return `${base.replace(/[\\/:*?"<>|]/g, "_")}-${day}.xlsx`;
}

export async function exportXlsx<T>(fileName: string, columns: readonly ExportColumn<T>[], rows: readonly T[]): Promise<void> {
  const { default: writeXlsxFile } = await import("write-excel-file/browser");
  const data = toSheetRows(columns, rows).map((row, i) =>
    row.map((value) => (i === 0 ? { value: String(value), fontWeight: "bold" as const } : value === null ? null : { value })),
  );
  await writeXlsxFile(data, { columns: columns.map(() => ({ width: 18 })), stickyRowsCount: 1 }).toFile(fileName);
}
