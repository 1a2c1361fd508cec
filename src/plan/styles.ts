import type { AbcClass, ContactQuadrant } from "../engine";
import type { PrTarget } from "../engine/penetration";
import type { CellStyle } from "./types";

/** Design tokens of the written sheets (colours "#RRGGBB", number formats in the file's invariant syntax). */
export const COLOURS = {
  title: "#1F4E79",
  section: "#2E75B6",
  subheading: "#DDEBF7",
  subheadingText: "#1F4E79",
  white: "#FFFFFF",
  editable: "#FFF2CC",
  editableText: "#7F6000",
  helperText: "#7F7F7F",
  total: "#F2F2F2",
  ok: "#C6EFCE",
  okText: "#006100",
  alert: "#FFC7CE",
  alertText: "#9C0006",
} as const;

export const FORMATS = {
  euro: '#,##0 "€"',
  percent: "0.0%",
  integer: "0",
  signed: "+0;-0;0",
  decimal2: "0.00",
} as const;

export interface ClassColour {
  readonly fill: string;
  readonly fontColor: string;
}

export const ABC_COLOURS: Readonly<Record<AbcClass, ClassColour>> = {
  A: { fill: "#C6EFCE", fontColor: "#006100" },
  B: { fill: "#FFEB9C", fontColor: "#9C5700" },
  C: { fill: "#FFC7CE", fontColor: "#9C0006" },
};

export const TARGET_COLOURS: Readonly<Record<PrTarget, ClassColour>> = {
  develop: { fill: "#C6EFCE", fontColor: "#006100" },
  maintain: { fill: "#DDEBF7", fontColor: "#1F4E79" },
  secure: { fill: "#FCE4D6", fontColor: "#833C0B" },
};

export const QUADRANT_COLOURS: Readonly<Record<ContactQuadrant, ClassColour>> = {
  cash_cow: { fill: "#E2EFDA", fontColor: "#375623" },
  skeleton: { fill: "#EDEDED", fontColor: "#3A3A3A" },
  golden_goose: { fill: "#FFF2CC", fontColor: "#7F6000" },
  contact_eater: { fill: "#FCE4D6", fontColor: "#833C0B" },
};

export const PROSPECT_COLOUR: ClassColour = { fill: "#E4DFEC", fontColor: "#403151" };

export const STYLES = {
  title: { bold: true, fontSize: 16, fontColor: COLOURS.white, fill: COLOURS.title, vertical: "middle" },
  subtitle: { italic: true, fontColor: COLOURS.subheadingText },
  section: { bold: true, fontSize: 12, fontColor: COLOURS.white, fill: COLOURS.section, vertical: "middle" },
  subheading: { bold: true, fontColor: COLOURS.subheadingText, fill: COLOURS.subheading },
  header: { bold: true, fontColor: COLOURS.white, fill: COLOURS.title, wrap: true, vertical: "middle", horizontal: "center" },
  editable: { fill: COLOURS.editable, fontColor: COLOURS.editableText, border: "thin" },
  helper: { italic: true, fontSize: 9, fontColor: COLOURS.helperText },
  total: { bold: true, fill: COLOURS.total },
  check: { bold: true, fill: COLOURS.alert, fontColor: COLOURS.alertText },
  note: { italic: true, fontSize: 9, fontColor: COLOURS.helperText },
} as const satisfies Record<string, CellStyle>;
