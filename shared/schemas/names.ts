/**
 * Display names as people read them: two names that look the same are the same name, and a
 * name cannot be (or hide) something invisible.
 */

/** NFKC (a non-breaking or ideographic space is a space, fullwidth letters are letters), runs of spaces as one, trimmed. */
export function normaliseName(raw: string): string {
  // White_Space, not \s: JavaScript's \s also matches U+FEFF, which is invisible, not a space.
  return raw
    .normalize("NFKC")
    .replace(/\p{White_Space}+/gu, " ")
    .replace(/^ | $/g, "");
}

/** Emoji sequences, whose joiners and variation selectors are part of one visible picture (👩‍💻, ❤️, 👍🏽, 🏴 flags, keycaps). */
const EMOJI_SEQUENCE =
  /\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F)?(?:\u200D\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F)?)*(?:[\u{E0020}-\u{E007E}]+\u{E007F})?|[0-9#*]\uFE0F?\u20E3/gu;
/** A zero-width non-joiner between letters (Persian, Indic scripts) changes how they join: it is part of the word. */
const JOINER_IN_WORD = /(?<=\p{L}\p{M}*)\u200C(?=\p{L})/gu;
/** Characters that show nothing: controls, format characters, default-ignorable ones (Hangul fillers U+3164, U+115F, U+1160, U+FFA0…), the blank braille pattern, private use. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Default_Ignorable_Code_Point}\u2800]/u;
/** A combining mark with nothing to combine with (at the start, or after a space). */
const LONE_MARK = /(?:^| )(\p{M})/u;

const codePoint = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;

/** Why a name cannot be used: a code and the offending character (U+XXXX) for the client to word (errors.name.*). */
export interface NameProblem {
  problem: "invisible" | "loneMark";
  char: string;
  /** English, for developers and logs. */
  message: string;
}

/** What is wrong with an already normalised name; null when it is fine. */
export function nameProblem(name: string): NameProblem | null {
  const rest = name.replace(EMOJI_SEQUENCE, "E").replace(JOINER_IN_WORD, "");
  const invisible = INVISIBLE.exec(rest)?.[0];
  if (invisible) {
    const char = codePoint(invisible);
    return { problem: "invisible", char, message: `a name cannot contain invisible or control characters (${char})` };
  }
  const mark = LONE_MARK.exec(rest)?.[1];
  if (mark) {
    const char = codePoint(mark);
    return { problem: "loneMark", char, message: `a name cannot contain a combining mark on its own (${char})` };
  }
  return null;
}

/** Two names are the same name when these are equal. */
export function nameKey(name: string): string {
  return normaliseName(name).toLocaleLowerCase();
}
