const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * A response as text with its uuids blanked: a uuid's last group can be twelve decimal digits,
 * which would otherwise look like a leaked phone or ID number to a digit-run check.
 */
export function textWithoutIds(value: unknown): string {
  return JSON.stringify(value).replace(UUID, "<id>");
}
