import { residentIdCheckCharacter } from "@lingong/core";
import { describe, expect, it } from "vitest";
import { genderLabel, previewResidentId, shanghaiDateTime, starText, yuanToFen } from "./display.ts";

const first17 = "14052119800101001";
const valid = first17 + residentIdCheckCharacter(first17);
const wrongCheck = first17 + (residentIdCheckCharacter(first17) === "0" ? "1" : "0");

describe("previewResidentId", () => {
  it("fills birth date, gender and age from a valid number", () => {
    const p = previewResidentId(valid, "2024-01-01");
    expect(p).toMatchObject({ state: "ok", birthDate: "1980-01-01", gender: "male", age: 44, regionCode: "140521" });
  });

  it("flags a wrong check character at once, in Chinese", () => {
    const p = previewResidentId(wrongCheck, "2024-01-01");
    expect(p.state).toBe("error");
    if (p.state === "error") expect(p.message).toContain("校验位");
  });

  it("waits quietly while the number is still being typed", () => {
    expect(previewResidentId("140521", "2024-01-01")).toEqual({ state: "typing", length: 6 });
    expect(previewResidentId("", "2024-01-01")).toEqual({ state: "empty" });
  });

  it("rejects a letter other than X while typing", () => {
    expect(previewResidentId("14052A", "2024-01-01").state).toBe("error");
  });
});

describe("starText and yuanToFen", () => {
  it("shows 无星 for zero and five symbols otherwise", () => {
    expect(starText(0)).toBe("无星");
    expect(starText(3)).toBe("★★★☆☆");
  });

  it("converts yuan to integer fen without float drift", () => {
    expect(yuanToFen(250)).toBe(25000);
    expect(yuanToFen(0.29)).toBe(29);
    expect(yuanToFen("")).toBeNull();
    expect(yuanToFen("abc")).toBeNull();
  });
});

describe("shanghaiDateTime", () => {
  it("shows an instant on the market's clock, across the UTC date line", () => {
    expect(shanghaiDateTime("2024-05-01T16:30:00.000Z")).toBe("2024-05-02 00:30");
    expect(shanghaiDateTime(null)).toBe("");
  });
});

describe("labels in English", () => {
  it("writes no star, gender and the ID check error in English", () => {
    expect(starText(0, "en")).toBe("No star");
    expect(starText(2, "en")).toBe("★★☆☆☆");
    expect(genderLabel("female", "en")).toBe("Female");
    expect(genderLabel("male")).toBe("男");
    const p = previewResidentId("14052A", "2024-01-01");
    expect(p.state === "error" ? p.messageEn : "").toBe("An ID number has only digits and X");
  });
});
