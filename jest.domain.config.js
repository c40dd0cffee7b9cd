// Jest for mutation testing: the pure domain's tests only, transpiled without type-checking (Stryker runs them per mutant).
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json', isolatedModules: true }] },
  testMatch: ['<rootDir>/test/domain/**/*.test.ts'],
};
