// Secrets used only by tests and the simulator's test runs.
export const TEST_WEBHOOK_SECRET = 'test-webhook-secret-0123456789';
export const TEST_INBOUND_TOKEN = 'test-inbound-token-0123456789';
export const TEST_LOCAL_TOKEN = 'test-local-token-0123456789';
