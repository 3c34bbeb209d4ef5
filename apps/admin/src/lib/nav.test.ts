import { describe, expect, it } from "vitest";
import { allowedNav, mayCall, NAV_ITEMS } from "./nav.ts";

describe("allowedNav", () => {
  it("shows only the screens whose procedures the role may call", () => {
    const items = allowedNav(NAV_ITEMS, ["workers.register", "workers.search", "auth.me"]);
    expect(items.map((i) => i.path)).toEqual(["/workers/new", "/workers"]);
  });

  it("shows nothing for a role with no business procedures", () => {
    expect(allowedNav(NAV_ITEMS, ["auth.me", "auth.logout"])).toEqual([]);
  });

  it("accepts router wildcards and a global wildcard", () => {
    expect(allowedNav(NAV_ITEMS, ["costs.*"]).map((i) => i.path)).toEqual(["/costs"]);
    expect(allowedNav(NAV_ITEMS, ["*"])).toHaveLength(NAV_ITEMS.length);
  });
});

describe("mayCall", () => {
  it("does not treat a router prefix as permission for another router", () => {
    expect(mayCall(["workers.*"], "workersX.search")).toBe(false);
    expect(mayCall(["workers.get"], "workers.revealIdNumber")).toBe(false);
    expect(mayCall(["workers.revealIdNumber"], "workers.revealIdNumber")).toBe(true);
  });
});
