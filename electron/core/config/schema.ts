// Every configuration key, its default and its rule. The README's key table is written from this.
import { z } from 'zod';

const port = z.number().int().min(0).max(65535);
const host = z.string().min(1);
const secret = z.string().min(16, 'must be at least 16 characters');

export const ConfigSchema = z
  .object({
    dataDir: z.string().min(1).default('./.data'),
    stream: z
      .object({
        host: host.default('127.0.0.1'),
        port: port.default(8787),
        apiUrl: z.url().optional(),
        partnerSlug: z
          .string()
          .regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower-case letters, digits, - or _')
          .optional(),
        webhookSecret: secret.optional(),
        inboundToken: secret.optional(),
        /** OAuth client-credentials for Stream's API (`POST {apiUrl}/oauth/token`); set both or neither. */
        clientId: z.string().min(1).max(200).optional(),
        clientSecret: secret.optional(),
        /** Largest order body accepted, in bytes. */
        bodyLimitBytes: z.number().int().min(1024).max(10_485_760).default(262_144),
        /** Shape of order status / cancel / in-store events sent to Stream (stream-api.md B4). */
        eventShape: z.enum(['event_data', 'type_object']).default('event_data'),
      })
      .strict()
      .refine((s) => !s.clientId === !s.clientSecret, {
        message: 'stream.clientId and stream.clientSecret must be set together',
        path: ['clientSecret'],
      })
      .prefault({}),
    location: z
      .object({
        id: z.string().min(1).default('store-1'),
        name: z.string().min(1).default('My Store'),
        address: z
          .object({
            address_line_1: z.string().default(''),
            address_line_2: z.string().default(''),
            city: z.string().default(''),
            state: z.string().default(''),
            postal_code: z.string().default(''),
            country: z.string().default(''),
          })
          .strict()
          .prefault({}),
        prepTimeMinutes: z.number().int().min(1).max(240).default(15),
        timezone: z
          .string()
          .refine(isTimeZone, 'must be an IANA time zone such as America/New_York')
          .default('UTC'),
        currency: z
          .string()
          .regex(/^[A-Za-z]{3}$/, 'must be a 3-letter currency code')
          .default('USD'),
      })
      .strict()
      .prefault({}),
    acceptance: z
      .object({
        mode: z.enum(['manual', 'auto']).default('manual'),
        staffWindowSeconds: z.number().int().min(10).max(55).default(45),
        onTimeout: z.enum(['reject', 'accept']).default('reject'),
      })
      .strict()
      .prefault({}),
    catalog: z
      .object({
        /** A catalog JSON file (Stream's catalog shape) loaded at start when set. */
        file: z.string().min(1).optional(),
      })
      .strict()
      .prefault({}),
    /** In-store orders (call-in, walk-in) taken through the Local API. */
    instore: z
      .object({
        /** Sales tax on the subtotal, in percent with up to three decimals (8.875). */
        taxRatePercent: z
          .number()
          .min(0)
          .max(50)
          .refine((r) => Math.abs(r * 1000 - Math.round(r * 1000)) < 1e-6, 'at most three decimals')
          .default(0),
      })
      .strict()
      .prefault({}),
    local: z
      .object({
        host: host.default('127.0.0.1'),
        port: port.default(8788),
        token: secret.optional(),
      })
      .strict()
      .prefault({}),
    /** The Electron shell only (electron/main); headless mode ignores this section. */
    desktop: z
      .object({
        /** Start with the operating system session (Windows, macOS). */
        startAtLogin: z.boolean().default(true),
        /** Full-screen kiosk window for a dedicated counter terminal. */
        kiosk: z.boolean().default(false),
        /** Closing the window hides it to the tray; quitting is done from the tray menu. */
        closeToTray: z.boolean().default(true),
        /** Native notifications and taskbar flash for new orders and cancels. */
        notifications: z.boolean().default(true),
        updates: z
          .object({
            enabled: z.boolean().default(true),
            /** Generic update server holding latest*.yml; overrides the feed built into the installer. */
            feedUrl: z
              .url()
              .refine(
                (u) => u.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(u),
                'must be an https:// URL (plain http only on loopback)',
              )
              .optional(),
            channel: z.enum(['latest', 'beta', 'alpha']).default('latest'),
            checkIntervalMinutes: z.number().int().min(15).max(1440).default(240),
            /** Local store times between which a downloaded update may restart an idle app. */
            restartWindow: z
              .object({
                from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM').default('02:00'),
                to: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM').default('05:00'),
              })
              .strict()
              .prefault({}),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type Config = z.output<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;

/** Keys whose values must never reach a log line, an error message or a diagnostic export. */
export const SECRET_KEYS = [
  'stream.webhookSecret',
  'stream.inboundToken',
  'stream.clientSecret',
  'local.token',
] as const;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
