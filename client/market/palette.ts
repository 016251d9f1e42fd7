/**
 * The market view's colours: Okabe–Ito, safe for the common colour-vision deficiencies (the
 * same names as the CSS variables in ui/style.css). Colour is never the only cue: changes
 * carry ▲/▼, your firm a label, the chart's lines differ in dash too.
 */
export const OKABE_ITO = {
  orange: 0xe69f00,
  skyBlue: 0x56b4e9,
  bluishGreen: 0x009e73,
  yellow: 0xf0e442,
  blue: 0x0072b2,
  vermilion: 0xd55e00,
  reddishPurple: 0xcc79a7,
  grey: 0x8c8c8c,
} as const;

export const BUBBLE = {
  /** Fundamentals: the solid core. */
  core: OKABE_ITO.skyBlue,
  /** Narrative (valuation − fundamentals): the same hue, see-through. */
  shell: OKABE_ITO.skyBlue,
  shellAlpha: 0.32,
  rimAlpha: 0.75,
  /** Your own firm's outline. */
  mine: OKABE_ITO.yellow,
  /** The "submitted" badge. */
  submitted: OKABE_ITO.bluishGreen,
  /** Narrative lost in a correction flies off in this colour. */
  pop: OKABE_ITO.orange,
  /** A delisted firm's last burst. */
  delisted: OKABE_ITO.grey,
} as const;

/** As a CSS colour: 0x56b4e9 → "#56b4e9". */
export function cssColour(colour: number): string {
  return `#${colour.toString(16).padStart(6, "0")}`;
}
