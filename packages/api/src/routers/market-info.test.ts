import { expect, it } from "vitest";
import { describeOnBothDatabases } from "../test/harness.ts";

describeOnBothDatabases("marketInfo.get (public page header)", ({ env }) => {
  it("returns only the name and code of the market, to anyone", async () => {
    const e = env();
    const info = await e.anonymous().marketInfo.get({ marketCode: "140521" });
    expect(info).toEqual({ name: "沁水县零工市场", code: "140521" });
    expect(Object.keys(info).sort()).toEqual(["code", "name"]);
    await e.addMarket("140522", "阳城县零工市场");
    expect(await e.anonymous().marketInfo.get({ marketCode: "140522" })).toEqual({ name: "阳城县零工市场", code: "140522" });
  });

  it("answers NOT_FOUND for an unknown code and BAD_REQUEST for a malformed one", async () => {
    const e = env();
    await expect(e.anonymous().marketInfo.get({ marketCode: "999999" })).rejects.toMatchObject({ code: "NOT_FOUND", cause: { field: "marketCode" } });
    await expect(e.anonymous().marketInfo.get({ marketCode: "14052x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
