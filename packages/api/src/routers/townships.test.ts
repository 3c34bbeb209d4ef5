import { expect, it } from "vitest";
import { QINSHUI_TOWNSHIPS, describeOnBothDatabases } from "../test/harness.ts";

describeOnBothDatabases("townships router", ({ env }) => {
  it("lists the market's townships, lets the head add and rename one, and refuses duplicates and other roles", async () => {
    const e = env();
    const list = await e.caller("business").townships.list();
    expect(list.map((t) => t.name).sort()).toEqual(QINSHUI_TOWNSHIPS.map((t) => t.name).sort());

    const added = await e.caller("head").townships.create({ name: "测试新镇", kind: "镇", sort: 99 });
    expect((await e.caller("office").townships.list()).map((t) => t.id)).toContain(added.id);
    await expect(e.caller("head").townships.create({ name: "龙港镇", kind: "镇" })).rejects.toMatchObject({ code: "CONFLICT", cause: { field: "name" } });
    await expect(e.caller("business").townships.create({ name: "另一镇", kind: "镇" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(e.caller("head").townships.create({ name: "", kind: "镇" })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const renamed = await e.caller("head").townships.update({ townshipId: added.id, name: "测试改名镇" });
    expect(renamed.name).toBe("测试改名镇");
    await expect(e.caller("head").townships.update({ townshipId: "00000000-0000-4000-8000-000000000000", name: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
