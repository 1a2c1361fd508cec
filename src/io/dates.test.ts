import fc from "fast-check";
import {
  civilFromDays,
  dayOfParts,
  dayToExcelSerial,
  dayToFrench,
  dayToIso,
  daysFromCivil,
  decideDateOrder,
  excelSerialToDay,
  splitTextDate,
  yearOfDay,
  type DateOrderDecision,
  type TextDateParts,
} from "./dates";

const iso = (serial: number, date1904 = false): string => {
  const day = excelSerialToDay(serial, date1904);
  return typeof day === "number" ? dayToIso(day) : day;
};

describe("excelSerialToDay", () => {
  const cases: [number, boolean, string][] = [
    [1, false, "1900-01-01"],
    [59, false, "1900-02-28"],
    [60, false, "phantom_1900_02_29"],
    [61, false, "1900-03-01"],
    [0, false, "below_one"],
    [-5, false, "below_one"],
    [25569, false, "1970-01-01"],
    [45292, false, "2024-01-01"],
    [45292.999, false, "2024-01-01"],
    [45351, false, "2024-02-29"],
    [0, true, "1904-01-01"],
    [1, true, "1904-01-02"],
    [43465, true, "2023-01-01"],
    [44927, true, "2027-01-02"],
    [-1, true, "below_one"],
  ];
  it.each(cases)("excelSerialToDay(%d, date1904 = %s) is %s", (serial, date1904, expected) => {
    expect(iso(serial, date1904)).toBe(expected);
  });

  it("dayToExcelSerial inverts excelSerialToDay for every whole serial except the phantom 60 (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_958_465 }), fc.boolean(), (serial, date1904) => {
        if (!date1904 && serial === 60) return true;
        const day = excelSerialToDay(serial, date1904);
        return typeof day === "number" && dayToExcelSerial(day, date1904) === serial;
      }),
    );
  });
});

describe("calendar arithmetic", () => {
  it("daysFromCivil, civilFromDays and yearOfDay agree with Date.UTC (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const d = new Date(day * 86_400_000);
        const [y, m, dd] = civilFromDays(day);
        return (
          y === d.getUTCFullYear() && m === d.getUTCMonth() + 1 && dd === d.getUTCDate() && daysFromCivil(y, m, dd) === day && yearOfDay(day) === y
        );
      }),
      { numRuns: 2000 },
    );
  });

  it("dayToIso and dayToFrench write the same day", () => {
    const day = daysFromCivil(2025, 3, 5);
    expect([dayToIso(day), dayToFrench(day)]).toEqual(["2025-03-05", "05/03/2025"]);
  });
});

describe("splitTextDate", () => {
  const cases: [string, TextDateParts | undefined][] = [
    ["05/03/2025", { kind: "xy", a: 5, b: 3, year: 2025 }],
    ["5/3/25", { kind: "xy", a: 5, b: 3, year: 2025 }],
    ["5-3-99", { kind: "xy", a: 5, b: 3, year: 1999 }],
    ["05.03.2025", { kind: "xy", a: 5, b: 3, year: 2025 }],
    ["05/03/2025 14:30", { kind: "xy", a: 5, b: 3, year: 2025 }],
    ["05/03/2025 à 14h30", { kind: "xy", a: 5, b: 3, year: 2025 }],
    ["12/25/2024 2:30 PM", { kind: "xy", a: 12, b: 25, year: 2024 }],
    ["2025-03-05", { kind: "ymd", year: 2025, month: 3, day: 5 }],
    ["2025-03-05T23:59:00Z", { kind: "ymd", year: 2025, month: 3, day: 5 }],
    ["2025/3/5", { kind: "ymd", year: 2025, month: 3, day: 5 }],
    ["5 mars 2025", { kind: "ymd", year: 2025, month: 3, day: 5 }],
    ["1er février 2025", { kind: "ymd", year: 2025, month: 2, day: 1 }],
    ["mercredi 5 mars 2025", { kind: "ymd", year: 2025, month: 3, day: 5 }],
    ["05-Mar-25", { kind: "ymd", year: 2025, month: 3, day: 5 }],
    ["5 janv. 2025", { kind: "ymd", year: 2025, month: 1, day: 5 }],
    ["March 5, 2025", { kind: "ymd", year: 2025, month: 3, day: 5 }],
    ["demain", undefined],
    ["2025", undefined],
    ["05/03", undefined],
    ["5 foo 2025", undefined],
  ];
  it.each(cases)("splitTextDate(%j)", (text, parts) => {
    expect(splitTextDate(text)).toEqual(parts);
  });

  it("dayOfParts reads day-first or month-first, and refuses impossible dates", () => {
    const p = splitTextDate("03/04/2025") as TextDateParts;
    expect(dayToIso(dayOfParts(p, "dmy") as number)).toBe("2025-04-03");
    expect(dayToIso(dayOfParts(p, "mdy") as number)).toBe("2025-03-04");
    expect(dayOfParts(splitTextDate("29/02/2025") as TextDateParts, "dmy")).toBeUndefined();
    expect(dayOfParts(splitTextDate("2024-02-30") as TextDateParts, "dmy")).toBeUndefined();
  });
});

describe("decideDateOrder", () => {
  const cases: { name: string; texts: string[]; decision: DateOrderDecision }[] = [
    { name: "empty column", texts: [], decision: { order: "dmy", basis: "dmy_default", impossible: 0 } },
    { name: "French dates", texts: ["05/03/2025", "31/12/2024"], decision: { order: "dmy", basis: "dmy_default", impossible: 0 } },
    { name: "all ambiguous stays French", texts: ["05/03/2025", "01/02/2025"], decision: { order: "dmy", basis: "dmy_default", impossible: 0 } },
    {
      name: "one value impossible day-first, all possible month-first",
      texts: ["01/02/2025", "12/25/2024"],
      decision: { order: "mdy", basis: "mdy_forced", example: "12/25/2024", impossible: 0 },
    },
    {
      name: "both kinds: day-first kept, the month-first-only value counted",
      texts: ["31/12/2024", "12/25/2024", "01/02/2025"],
      decision: { order: "dmy", basis: "mixed", example: "12/25/2024", impossible: 1 },
    },
    { name: "a date impossible both ways says nothing", texts: ["32/01/2025", "05/03/2025"], decision: { order: "dmy", basis: "dmy_default", impossible: 0 } },
    { name: "ISO and text months say nothing", texts: ["2025-03-05", "5 mars 2025"], decision: { order: "dmy", basis: "dmy_default", impossible: 0 } },
  ];
  it.each(cases)("decideDateOrder(texts): $name", ({ texts, decision }) => {
    expect(decideDateOrder(texts)).toEqual(decision);
  });
});
