import { randomInt } from "node:crypto";
import { DomainError } from "../errors.ts";

/** Common and locally popular passwords that satisfy the class rule but must still be refused. */
const BLOCKLIST = new Set(
  [
    "abc12345", "abcd1234", "abc123456", "a1234567", "aa123456", "12345678", "123456789", "password",
    "password1", "password123", "passw0rd", "p@ssw0rd", "p@ssword1", "qwer1234", "qwerty123", "1qaz2wsx",
    "1qaz@wsx", "admin123", "admin@123", "admin1234", "root1234", "welcome1", "welcome@1", "iloveyou1",
    "woaini1314", "lingong123", "lingong@123", "qinshui123", "qinshui@123", "abc@1234", "abc@123456",
    "test1234", "test@123", "asdf1234", "zxcv1234", "aa112233", "changeme1", "letmein1",
  ].map((p) => p.toLowerCase()),
);

const classes = (p: string) =>
  [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].reduce((n, re) => n + (re.test(p) ? 1 : 0), 0);

/**
 * MLPS password rule (checklist B10): at least 8 characters from at least 3 of lower case, upper
 * case, digits and symbols; not a known weak password; not containing the username.
 */
export function checkPasswordPolicy(password: string, opts: { username?: string; field?: string } = {}): void {
  const field = opts.field ?? "password";
  const fail = (message: string, messageEn: string) => {
    throw new DomainError("BAD_REQUEST", message, { field, messageEn });
  };
  if (password.length < 8) fail("密码至少 8 位", "At least 8 characters");
  if (password.length > 128) fail("密码不能超过 128 位", "At most 128 characters");
  if (BLOCKLIST.has(password.toLowerCase())) fail("密码过于常见，请换一个", "Password is too common");
  if (classes(password) < 3) fail("密码须包含大写字母、小写字母、数字、符号中的至少三类", "Use 3 of: upper, lower, digit, symbol");
  if (opts.username && opts.username.length >= 3 && password.toLowerCase().includes(opts.username.toLowerCase())) {
    fail("密码不能包含用户名", "Password must not contain the username");
  }
}

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
const SYMBOLS = "!@#%^*-_=+";

/** A strong random password (16 characters, all four classes), shown once to the operator. */
export function generatePassword(): string {
  const pick = (set: string) => set[randomInt(set.length)] ?? "x";
  for (;;) {
    const chars = Array.from({ length: 14 }, () => pick(ALPHABET));
    chars.splice(randomInt(chars.length + 1), 0, pick(SYMBOLS));
    chars.splice(randomInt(chars.length + 1), 0, pick("23456789"));
    const p = chars.join("");
    if (classes(p) === 4) return p;
  }
}
