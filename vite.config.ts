import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: "rules", include: ["test/shared/**/*.test.ts", "test/sim/**/*.test.ts"] } },
      // @colyseus/testing always listens on port 2568: server test files run one at a time.
      { extends: true, test: { name: "server", include: ["test/server/**/*.test.ts"], fileParallelism: false } },
    ],
  },
});
