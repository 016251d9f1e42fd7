import { defineConfig } from "vitest/config";

const GAME_SERVER = `http://localhost:${process.env.PORT ?? 2567}`;

export default defineConfig({
  root: "client",
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600, // Phaser alone is ~1.4 MB raw; it sits in its own cached chunk
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: "phaser", test: /node_modules[\\/]phaser/ }] } },
    },
  },
  server: {
    // `npm run dev`: the page from Vite, the game (WebSocket and HTTP API) from the game server.
    proxy: {
      "/api": GAME_SERVER,
      "/healthz": GAME_SERVER,
      "^/[a-zA-Z0-9_-]+/[a-zA-Z0-9_-]+\\?": { target: GAME_SERVER, ws: true },
      "/matchmake": GAME_SERVER,
    },
  },
  test: {
    root: ".",
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: "rules", include: ["test/shared/**/*.test.ts", "test/sim/**/*.test.ts", "test/client/**/*.test.ts", "test/ci/**/*.test.ts"] },
      },
      // @colyseus/testing always listens on port 2568: server test files run one at a time.
      { extends: true, test: { name: "server", include: ["test/server/**/*.test.ts"], fileParallelism: false } },
      {
        extends: true,
        // The client is built once per run (build-client.ts), not once per browser test file.
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/browser/build-client.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
