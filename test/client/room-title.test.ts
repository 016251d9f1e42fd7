import { afterAll, describe, expect, test } from "vitest";
import { locale, setLocale } from "../../client/i18n.js";
import { roomTitle } from "../../client/ui/room-title.js";
import { CreateOptionsSchema, RoomSettingsPatchSchema, RoomSettingsSchema } from "../../shared/schemas/protocol.js";

const start = locale();
afterAll(() => setLocale(start));

describe("a room nobody named", () => {
  test("stores no title in any language: the server's default is empty, and clearing a title is allowed", () => {
    expect(RoomSettingsSchema.parse({}).name).toBe("");
    expect(CreateOptionsSchema.parse({ name: "Ada" }).settings.name).toBe("");
    expect(RoomSettingsPatchSchema.safeParse({ name: "" }).success).toBe(true);
    expect(RoomSettingsSchema.parse({ name: "Econ 101" }).name).toBe("Econ 101");
    expect(RoomSettingsSchema.safeParse({ name: "   " }).success).toBe(false);
  });

  test("reads in the reader's language, as does a room stored with the old English default", () => {
    setLocale("zh-CN");
    expect(roomTitle("", false)).toBe("市场");
    expect(roomTitle("Market", false)).toBe("市场");
    expect(roomTitle("", true)).toBe("课堂市场");
    expect(roomTitle("经济学101", true)).toBe("经济学101");
    setLocale("en");
    expect(roomTitle("", false)).toBe("Market");
    expect(roomTitle("", true)).toBe("Class market");
    expect(roomTitle("Econ 101", false)).toBe("Econ 101");
  });
});
