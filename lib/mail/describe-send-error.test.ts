import { describe, expect, it } from "vitest";
import { describeSendError, isPermanentSendError } from "./describe-send-error";

describe("describeSendError", () => {
  it("keeps the code, the reply code and the message on one bounded line", () => {
    const error = Object.assign(new Error("Message failed: 550 5.1.1 <x@example.com>\r\nno such user"), { code: "EENVELOPE", responseCode: 550 });
    expect(describeSendError(error)).toBe("EENVELOPE 550 Message failed: 550 5.1.1 <x@example.com> no such user");
    expect(describeSendError(new Error("x".repeat(1000)))).toHaveLength(300);
    expect(describeSendError("boom")).toBe("boom");
  });

  it("hides the SMTP user and password, plain, percent-encoded and as AUTH PLAIN sends them", () => {
    const plain = Buffer.from("\u0000mailer\u0000p@ss w0rd").toString("base64");
    const error = Object.assign(new Error(`Invalid login for mailer with p@ss w0rd (p%40ss%20w0rd, ${Buffer.from("p@ss w0rd").toString("base64")}): AUTH PLAIN ${plain}`), { code: "EAUTH", responseCode: 535 });
    const line = describeSendError(error, ["mailer", "p@ss w0rd"]);
    expect(line).toBe("EAUTH 535 Invalid login for *** with *** (***, ***): AUTH PLAIN ***");
  });
});

describe("isPermanentSendError", () => {
  it("is a 5xx refusal of the message, not a refused login nor a connection failure", () => {
    expect(isPermanentSendError(Object.assign(new Error(), { code: "EENVELOPE", responseCode: 550, permanent: true }))).toBe(true);
    expect(isPermanentSendError(Object.assign(new Error(), { code: "EMESSAGE", responseCode: 554, permanent: true }))).toBe(true);
    expect(isPermanentSendError(Object.assign(new Error(), { code: "EAUTH", responseCode: 535, permanent: true }))).toBe(false);
    expect(isPermanentSendError(Object.assign(new Error(), { code: "ETLS", responseCode: 500, permanent: true }))).toBe(false);
    expect(isPermanentSendError(Object.assign(new Error(), { code: "EENVELOPE", responseCode: 451, permanent: false }))).toBe(false);
    expect(isPermanentSendError(Object.assign(new Error(), { code: "ESOCKET" }))).toBe(false);
    expect(isPermanentSendError(null)).toBe(false);
  });
});
