// Types for eslint.boundaries.js (plain JS, so ESLint loads it without a build step).
import type { Linter } from 'eslint';

export declare const runtimeBoundaries: Linter.Config[];
