// Unit tests sit beside the code (src/.../x.test.ts); fixtures, fakes and slower integration tests live in test/.
const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", tsx: true },
      transform: { react: { runtime: "automatic" } },
      target: "es2020",
    },
    module: { type: "commonjs" },
  },
];

const common = {
  transform: { "^.+\\.(t|j)sx?$": swc },
  setupFiles: ["<rootDir>/test/shims/custom-functions-global.ts"],
  moduleNameMapper: {
    // office-addin-mock pulls office-addin-manifest, whose ESM-only dependencies break jest on Node 20;
    // the mock only needs its OfficeApp enum.
    "^office-addin-manifest$": "<rootDir>/test/shims/office-addin-manifest.js",
  },
};

module.exports = {
  testTimeout: 120000,
  projects: [
    {
      ...common,
      displayName: "node",
      testEnvironment: "node",
      testMatch: ["<rootDir>/src/**/*.test.ts", "<rootDir>/test/**/*.test.ts"],
    },
    {
      ...common,
      displayName: "dom",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/src/**/*.test.tsx", "<rootDir>/test/**/*.test.tsx"],
      setupFilesAfterEnv: ["<rootDir>/test/setup-dom.ts"],
    },
  ],
};
