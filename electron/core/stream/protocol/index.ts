// The Stream protocol module: the only place that knows Stream's wire shapes. See ../README.md.
export * from './assumptions.js';
export * from './answers.js';
export * from './inbound.js';
export * from './outbound.js';
export * from './signature.js';
