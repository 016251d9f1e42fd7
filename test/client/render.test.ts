import { describe, expect, test } from "vitest";
import { chooseRenderer, isSoftwareRenderer } from "../../client/render.js";

describe("software WebGL detection", () => {
  test.each([
    "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)",
    "llvmpipe (LLVM 15.0.6, 256 bits)",
    "ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)",
  ])("%s is a CPU renderer", (renderer) => {
    expect(isSoftwareRenderer(renderer)).toBe(true);
  });
  test.each(["ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)", "Apple M2", "NVIDIA GeForce RTX 3060/PCIe/SSE2", "Mali-G78"])(
    "%s is a GPU",
    (renderer) => {
      expect(isSoftwareRenderer(renderer)).toBe(false);
    },
  );
});

describe("the renderer of the bubble field", () => {
  test("Canvas where WebGL runs on the CPU or is missing, WebGL on a GPU; the address can force either", () => {
    expect(chooseRenderer("ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)", null)).toBe("canvas");
    expect(chooseRenderer("llvmpipe (LLVM 15.0.6, 256 bits)", null)).toBe("canvas");
    expect(chooseRenderer(null, null)).toBe("canvas");
    expect(chooseRenderer("NVIDIA GeForce RTX 3060/PCIe/SSE2", null)).toBe("webgl");
    expect(chooseRenderer("llvmpipe (LLVM 15.0.6, 256 bits)", "webgl")).toBe("webgl");
    expect(chooseRenderer("Apple M2", "canvas")).toBe("canvas");
    expect(chooseRenderer("Apple M2", "bogus")).toBe("webgl");
  });
});
