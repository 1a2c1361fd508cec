import type { PrTarget } from "../engine/penetration";
import type { RfmSegment } from "../engine/rfm";
import type { LabelKey } from "../i18n";

/** The label key of a P-R target ("Développer", "Entretenir", "Sécuriser"). */
export function targetLabelKey(target: PrTarget): LabelKey {
  return `pr.target.${target}`;
}

/** The label key of an RFM segment ("Champions"…). */
export function segmentLabelKey(segment: RfmSegment): LabelKey {
  return `rfm.segment.${segment}`;
}

export const PR_TARGETS: readonly PrTarget[] = ["develop", "maintain", "secure"];
