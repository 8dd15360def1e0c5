/** @zhijian/test-utils: fast-check arbitraries and fixtures shared by zhijian's property tests. */
export * from './types.js';
export * from './vocabulary.js';
export * from './env.js';
export * from './text.js';
export * from './conversation.js';
export * from './json-schema.js';
export * from './pack.js';
export * from './mutate.js';
export * from './fixtures.js';
