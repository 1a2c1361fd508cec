import { Field, Input, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import type { Lang } from "../../i18n/types";
import { wizardText } from "../../i18n/wizard";
import { parseNumberText } from "../wizardModel";

/** A field may shrink with the pane: without this, an input keeps its intrinsic width (about 20 characters). */
export const useShrinkStyles = makeStyles({
  field: { minWidth: 0 },
  control: { width: "100%", minWidth: 0 },
  inner: { width: "100%", minWidth: 0, textOverflow: "ellipsis" },
});

export interface NumberFieldProps {
  readonly label: string;
  /** The applied value (the last valid one). */
  readonly value: number;
  /** Called with each valid number typed; never with a blank or invalid text. */
  readonly onCommit: (value: number) => void;
  readonly lang: Lang;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
}

/**
 * A number input that keeps what the user types: clearing it to type another value does not snap back to the
 * previous one. Each valid number is applied as it is typed; a blank or invalid text stays on screen with a
 * message (the last valid value stays applied) until it is corrected. Range checks are left to the engine,
 * which says what is wrong with a number out of range.
 */
export function NumberField({ label, value, onCommit, lang, min, max, step }: NumberFieldProps) {
  const shrink = useShrinkStyles();
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [seen, setSeen] = useState(value);
  // A new value from outside (defaults, another control): show it unless it is what the draft already says.
  if (!Object.is(seen, value)) {
    setSeen(value);
    if (draft !== undefined && parseNumberText(draft) !== value) setDraft(undefined);
  }
  const text = draft ?? (Number.isFinite(value) ? String(value) : "");
  const invalid = draft !== undefined && parseNumberText(draft) === undefined;
  return (
    <Field
      className={shrink.field}
      label={label}
      validationState={invalid ? "error" : "none"}
      validationMessage={invalid ? wizardText("field.notNumber", lang, { value }) : undefined}
    >
      <Input
        className={shrink.control}
        input={{ className: shrink.inner }}
        type="number"
        min={min}
        max={max}
        step={step}
        value={text}
        onChange={(_, d) => {
          setDraft(d.value);
          const n = parseNumberText(d.value);
          if (n !== undefined && !Object.is(n, value)) onCommit(n);
        }}
        onBlur={() => {
          // A valid text is shown as the applied number once the user leaves; an invalid one stays, with its message.
          if (draft !== undefined && parseNumberText(draft) !== undefined) setDraft(undefined);
        }}
      />
    </Field>
  );
}
