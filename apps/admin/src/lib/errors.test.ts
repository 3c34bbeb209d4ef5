import { describe, expect, it } from "vitest";
import { errorInfo, fieldPath } from "./errors.ts";

describe("errorInfo", () => {
  it("keeps the server's Chinese message and the named field", () => {
    const err = { message: "身份证号校验位不正确，应为 X", data: { code: "BAD_REQUEST", field: "residentId" } };
    expect(errorInfo(err)).toEqual({ message: "身份证号校验位不正确，应为 X", field: ["residentId"], code: "BAD_REQUEST" });
  });

  it("turns a dotted field into a name path with indexes", () => {
    expect(fieldPath("trades.1.grade")).toEqual(["trades", 1, "grade"]);
    expect(fieldPath(["trades", "0"])).toEqual(["trades", 0]);
    expect(fieldPath("")).toBeUndefined();
    expect(fieldPath(undefined)).toBeUndefined();
  });

  it("replaces a browser network error with a Chinese message", () => {
    expect(errorInfo(new TypeError("Failed to fetch")).message).toBe("网络连接失败，请检查网络后重试");
  });

  it("gives the server's English message on the English screen, the Chinese one where there is none", () => {
    const err = { message: "手机号格式不正确", data: { code: "BAD_REQUEST", field: "phone", messageEn: "Not a valid mobile number" } };
    expect(errorInfo(err, "en")).toEqual({ message: "Not a valid mobile number", field: ["phone"], code: "BAD_REQUEST" });
    expect(errorInfo(err).message).toBe("手机号格式不正确");
    expect(errorInfo({ message: "仅中文", data: { messageEn: null } }, "en").message).toBe("仅中文");
    expect(errorInfo(new TypeError("Failed to fetch"), "en").message).toMatch(/^Network error/);
  });

  it("never returns an empty message", () => {
    expect(errorInfo(null).message).not.toBe("");
    expect(errorInfo({}).message).not.toBe("");
  });
});
