import { describe, expect, it } from "vitest";
import { chinaDate, chinaYear, formatDateTime, isPastDeadline, todayIso } from "@/lib/format";

// China Standard Time is UTC+8 all year (no daylight saving); the server runs UTC.
const china = (local: string) => new Date(`${local}+08:00`);

describe("China time (Asia/Shanghai) whatever the server's zone", () => {
  it("a disclosure at 02:35 on 8 December China time is dated 2026-12-08 (18:35 UTC on the 7th)", () => {
    const at = china("2026-12-08T02:35:00");
    expect(at.toISOString().slice(0, 10)).toBe("2026-12-07"); // what the portal used to show
    expect(chinaDate(at)).toBe("2026-12-08");
    expect(chinaDate(at.toISOString())).toBe("2026-12-08");
    expect(formatDateTime(at)).toBe("2026-12-08 02:35:00");
  });

  it("00:30 China time belongs to that day, 23:30 China time to that day too", () => {
    expect(chinaDate(china("2026-12-08T00:30:00"))).toBe("2026-12-08");
    expect(chinaDate(china("2026-12-08T23:30:00"))).toBe("2026-12-08");
    expect(todayIso(china("2026-12-08T23:30:00"))).toBe("2026-12-08");
    expect(formatDateTime(china("2026-12-08T23:30:00"))).toBe("2026-12-08 23:30:00");
  });

  it("a declaration submitted at 00:30 China time on the day after the deadline is late; at 23:30 on the deadline it is not", () => {
    const deadline = "2026-11-30";
    expect(isPastDeadline(china("2026-12-01T00:30:00"), deadline)).toBe(true);
    expect(isPastDeadline(china("2026-11-30T23:30:00"), deadline)).toBe(false);
    expect(isPastDeadline(china("2026-11-30T00:30:00"), deadline)).toBe(false);
  });

  it("the year turns at midnight China time, not UTC", () => {
    expect(chinaYear(china("2027-01-01T00:30:00"))).toBe(2027);
    expect(chinaYear(china("2026-12-31T23:30:00"))).toBe(2026);
  });
});
