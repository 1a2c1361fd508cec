import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { fluentTheme, luminance, officeIsDark } from "./theme";

describe("officeIsDark", () => {
  it.each([
    { name: "undefined (old host, no officeTheme)", theme: undefined, dark: false },
    { name: "isDarkTheme true (Black, Dark Gray)", theme: { isDarkTheme: true }, dark: true },
    { name: "isDarkTheme false (Colorful, White)", theme: { isDarkTheme: false, bodyBackgroundColor: "#000000" }, dark: false },
    { name: "isDarkTheme as a function", theme: { isDarkTheme: () => true }, dark: true },
    { name: "isDarkTheme throws: the colours decide", theme: { isDarkTheme: () => { throw new Error("x"); }, bodyBackgroundColor: "#262626" }, dark: true },
    { name: "no isDarkTheme, dark background", theme: { bodyBackgroundColor: "#262626" }, dark: true },
    { name: "no isDarkTheme, light background", theme: { bodyBackgroundColor: "#F3F2F1" }, dark: false },
    { name: "a colour that is not #RRGGBB", theme: { bodyBackgroundColor: "black" }, dark: false },
  ])("officeIsDark($name) is $dark", ({ theme, dark }) => {
    expect(officeIsDark(theme)).toBe(dark);
  });
});

describe("luminance", () => {
  it.each([
    { hex: "#000000", l: 0 },
    { hex: "#FFFFFF", l: 1 },
    { hex: "ffffff", l: 1 },
  ])("luminance($hex) is $l", ({ hex, l }) => {
    expect(luminance(hex)).toBeCloseTo(l, 6);
  });
  it("luminance of a non-colour is undefined", () => {
    expect(luminance("#12")).toBeUndefined();
    expect(luminance(undefined)).toBeUndefined();
  });
});

describe("fluentTheme", () => {
  it("fluentTheme(dark) is Fluent's web dark theme, else the light one", () => {
    expect(fluentTheme(true)).toBe(webDarkTheme);
    expect(fluentTheme(false)).toBe(webLightTheme);
  });
});
