// When an order waiting for a decision counts as urgent: the countdown turns to HURRY and the
// urgent tone sounds (features/alerts/alert-policy.ts). One number, read by both.
export const URGENT_WITHIN_MS = 15_000;
