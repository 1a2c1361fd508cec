import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { useEffect, useState } from "react";

/** The part of `Office.context.officeTheme` the wizard reads (any property may be missing on an old host). */
export interface OfficeThemeLike {
  /** `true` for Office's Black and Dark Gray themes (a boolean in office.js; a function in some older hosts). */
  readonly isDarkTheme?: boolean | (() => boolean);
  /** "#RRGGBB" of the task pane's background. */
  readonly bodyBackgroundColor?: string;
}

/** Relative luminance of a "#RRGGBB" colour (WCAG 2), or undefined for anything else. */
export function luminance(hex: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex?.trim() ?? "");
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Whether Office shows a dark theme: `isDarkTheme` when the host gives it, else a dark task-pane background
 * (luminance below 0.2), else light.
 * @example officeIsDark({ isDarkTheme: true }) // true
 * @example officeIsDark({ bodyBackgroundColor: "#262626" }) // true
 */
export function officeIsDark(theme: OfficeThemeLike | undefined): boolean {
  if (!theme) return false;
  try {
    if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
    if (typeof theme.isDarkTheme === "function") return theme.isDarkTheme() === true;
  } catch {
    // An odd host: fall back on the colours.
  }
  const l = luminance(theme.bodyBackgroundColor);
  return l !== undefined && l < 0.2;
}

/** Fluent's web theme for a dark or a light preference. */
export function fluentTheme(dark: boolean): Theme {
  return dark ? webDarkTheme : webLightTheme;
}

const DARK_QUERY = "(prefers-color-scheme: dark)";

/** The browser's colour preference, followed live (the standalone page); light where matchMedia is missing. */
export function usePrefersDark(): boolean {
  const query = typeof window !== "undefined" && typeof window.matchMedia === "function" ? window.matchMedia(DARK_QUERY) : undefined;
  const [dark, setDark] = useState(query?.matches === true);
  useEffect(() => {
    if (!query) return;
    const onChange = (e: MediaQueryListEvent) => setDark(e.matches);
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, [query]);
  return dark;
}
