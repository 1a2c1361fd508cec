import { isEngineError } from "../engine";
import { isWorkbookError } from "../excel/errors";
import { errorMessage } from "../i18n";
import type { Lang } from "../i18n/types";
import { wizardText } from "../i18n/wizard";
import { PortError } from "./ports/port";

/**
 * The sentence to show for anything thrown below the wizard: our typed errors in the chosen language, anything
 * else as an "unexpected error" with its message (never swallowed).
 */
export function errorText(error: unknown, lang: Lang): string {
  if (error instanceof PortError) return error.messageIn(lang);
  if (isWorkbookError(error)) return error.messageIn(lang);
  if (isEngineError(error)) return errorMessage(error.code, error.params, lang);
  const detail = error instanceof Error ? error.message : String(error);
  return wizardText("error.unexpected", lang, { detail });
}
