import { describe, expect, it } from "vitest";
import { formatChange, monthInProgress } from "./Overview.tsx";

describe("monthInProgress", () => {
  it("flags today's Shanghai month with the day the figures run to", () => {
    expect(monthInProgress("2026-12", new Date("2026-12-04T10:00:00Z"))).toBe("2026-12-04");
  });
  it("uses the Shanghai day: 17:00 UTC on 30 November is already 1 December there", () => {
    expect(monthInProgress("2026-12", new Date("2026-11-30T17:00:00Z"))).toBe("2026-12-01");
    expect(monthInProgress("2026-11", new Date("2026-11-30T17:00:00Z"))).toBeNull();
  });
  it("leaves a finished month alone", () => {
    expect(monthInProgress("2026-11", new Date("2026-12-04T10:00:00Z"))).toBeNull();
  });
});

describe("formatChange", () => {
  it("shows rates in percentage points and counts with their relative change", () => {
    expect(formatChange({ key: "placementRate", value: 0.125, previous: 0.625 } as never)).toBe("-50.0pt");
    expect(formatChange({ key: "placements", value: 67, previous: 670 } as never)).toBe("-603 (-90.0%)");
    expect(formatChange({ key: "placements", value: null, previous: 670 } as never)).toBe("—");
  });
});
