// Every configuration key, its default and its rule. The README's key table is written from this.
import { z } from 'zod';

const port = z.number().int().min(0).max(65535);
const host = z.string().min(1);
const secret = z.string().min(16, 'must be at least 16 characters');
/** Extra names a listener answers to (electron/core/http/host-check.ts); loopback is always in. */
/** Where an onboarding sign-in page may send the browser back (the connector's and the chain
 * gateway's), compared exactly. */
export const oauthRedirectUris = z
  .array(
    z
      .url()
      .refine(
        (u) => u.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(u),
        'must be an https:// URL (plain http only on loopback)',
      ),
  )
  .max(20)
  .default([]);

const allowedHosts = z
  .array(
    z.string().regex(/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)$/, 'must be a host name or address'),
  )
  .max(32)
  .default([]);
/** One weekday's opening hours, e.g. ["11:00-14:30", "17:00-23:00"]. */
const openingRanges = z
  .array(
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be HH:MM-HH:MM'),
  )
  .max(8)
  .optional();

export const ConfigSchema = z
  .object({
    dataDir: z.string().min(1).default('./.data'),
    stream: z
      .object({
        host: host.default('127.0.0.1'),
        port: port.default(8787),
        /** Host names Stream's requests arrive with besides loopback (a tunnel's or proxy's name). */
        allowedHosts,
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
        /** A request must arrive whole within this; a silent socket is closed after it too. */
        requestTimeoutSeconds: z.number().int().min(1).max(300).default(15),
        /** Shape of order status / cancel / in-store events sent to Stream (stream-api.md B4). */
        eventShape: z.enum(['event_data', 'type_object']).default('event_data'),
        /** Merchant onboarding (stream-api.md A7, B6): the OAuth server Stream signs in to. */
        authorize: z
          .object({
            clientId: z.string().min(1).max(200).optional(),
            clientSecret: secret.optional(),
            /** Where the sign-in page may send the browser back, compared exactly. */
            redirectUris: oauthRedirectUris,
            /** The merchant's id in the POS (`id` in the token answer); default `location.id`. */
            merchantId: z.string().min(1).max(200).optional(),
            ssoDetails: z
              .object({
                email: z.email().optional(),
                fullName: z.string().min(1).max(200).optional(),
                phoneNumber: z.string().min(1).max(40).optional(),
              })
              .strict()
              .prefault({}),
            accessTokenMinutes: z.number().int().min(5).max(1440).default(60),
            refreshTokenDays: z.number().int().min(1).max(365).default(90),
          })
          .strict()
          .refine((a) => !a.clientId === !a.clientSecret, {
            message:
              'stream.authorize.clientId and stream.authorize.clientSecret must be set together',
            path: ['clientSecret'],
          })
          .refine((a) => !a.clientId || a.redirectUris.length > 0, {
            message: 'must list at least one redirect URI when stream.authorize.clientId is set',
            path: ['redirectUris'],
          })
          .prefault({}),
        /** PEM files: set both and the Stream listener speaks HTTPS (re-read when they change). */
        tls: z
          .object({ certFile: z.string().min(1).optional(), keyFile: z.string().min(1).optional() })
          .strict()
          .refine((t) => !t.certFile === !t.keyFile, {
            message: 'stream.tls.certFile and stream.tls.keyFile must be set together',
            path: ['keyFile'],
          })
          .prefault({}),
        /** Plain HTTP on a non-loopback stream.host (a TLS proxy on this machine in front). */
        allowPlainHttp: z.boolean().default(false),
      })
      .strict()
      .refine((s) => !s.clientId === !s.clientSecret, {
        message: 'stream.clientId and stream.clientSecret must be set together',
        path: ['clientSecret'],
      })
      .refine((s) => isLoopback(s.host) || !!s.tls.certFile || s.allowPlainHttp, {
        message:
          'is not a loopback address: set stream.tls.certFile and stream.tls.keyFile for HTTPS, or stream.allowPlainHttp when a TLS proxy on this machine is in front',
        path: ['host'],
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
        /** Missed orders within `missedOfferPauseWithinMinutes` after which the Orders screen
         * offers to pause the store or turn on busy mode; 0: never. */
        missedOfferPauseAfter: z.number().int().min(0).max(50).default(2),
        missedOfferPauseWithinMinutes: z.number().int().min(1).max(240).default(10),
      })
      .strict()
      .prefault({}),
    catalog: z
      .object({
        /** A catalog JSON file (Stream's catalog shape) loaded at start when set. */
        file: z.string().min(1).optional(),
        /** An order whose subtotal is below the POS prices of its items (electron/core/pos/totals.ts):
         * `reject` it with `orderTotalsValidation`, `warn` (take it, note it on its timeline), `off`. */
        totalsPolicy: z.enum(['reject', 'warn', 'off']).default('warn'),
        /** The most any one amount of an order from Stream may be (a price, line, tax, fee, tip,
         * discount or the total), in cents; above it, or below 0, the order is refused as
         * `invalid_cart` whatever `totalsPolicy` says. */
        maxAmountCents: z.number().int().min(100).max(100_000_000).default(1_000_000),
      })
      .strict()
      .prefault({}),
    /** The store POS (electron/core/pos): where accepted orders and voids go. */
    pos: z
      .object({
        driver: z.enum(['none', 'http', 'folder']).default('none'),
        /** HTTP driver: `POST {url}/orders`, `POST {url}/orders/{pos_order_id}/void`, `GET {url}/catalog`. */
        url: z
          .url()
          .refine((u) => /^https?:\/\//.test(u), 'must be an http:// or https:// URL')
          .optional(),
        /** HTTP driver: sent on every request, as `Authorization: <value>`, or as `Name: value`. */
        authHeader: z.string().min(1).max(4096).optional(),
        /** Folder driver: where order, void and result files are exchanged with the POS. */
        dropDir: z
          .string()
          .regex(
            /^(\/|[A-Za-z]:[\\/]|\\\\)/,
            'must be an absolute path (a network share as \\\\server\\share)',
          )
          .optional(),
        /** One attempt's limit: the HTTP answer, or the folder driver's result file. */
        timeoutSeconds: z.number().int().min(1).max(300).default(15),
        /** Flag an order "not in POS" after this many failed attempts … */
        notInPosAfterFailures: z.number().int().min(1).max(100).default(3),
        /** … or once it has waited this long, whichever comes first. */
        notInPosAfterSeconds: z.number().int().min(5).max(86_400).default(120),
        /** `acceptance.mode = auto`: how long Stream's request waits for the POS before the answer
         * becomes `async_acceptance` (decided when the POS answers). 0: always answer async. */
        autoAcceptBudgetMs: z.number().int().min(0).max(20_000).default(3000),
      })
      .strict()
      .refine((p) => p.driver !== 'http' || !!p.url, {
        message: 'must be set when pos.driver is http',
        path: ['url'],
      })
      .refine((p) => p.driver !== 'folder' || !!p.dropDir, {
        message: 'must be set when pos.driver is folder',
        path: ['dropDir'],
      })
      .prefault({}),
    /** The ESC/POS kitchen printer on the network (raw TCP), beside any POS driver or alone. */
    printer: z
      .object({
        enabled: z.boolean().default(false),
        host: host.optional(),
        port: port.default(9100),
        /** Characters per line in the normal font (42 on most 80 mm printers, 32 on 58 mm). */
        columns: z.number().int().min(24).max(64).default(42),
        /** Seconds between status checks while no ticket prints (paper out, cover open); 0: off. */
        statusCheckSeconds: z.number().int().min(0).max(3600).default(60),
      })
      .strict()
      .refine((p) => !p.enabled || !!p.host, {
        message: 'must be set when printer.enabled is true',
        path: ['host'],
      })
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
        /** The store's usual delivery fee in cents, filled in on a delivery order (staff can change it). */
        deliveryFeeCents: z.number().int().min(0).max(1_000_000).default(0),
        /** The most a delivery fee on an in-store order may be, in cents: more is a typo. */
        maxDeliveryFeeCents: z.number().int().min(0).max(1_000_000).default(5_000),
      })
      .strict()
      .refine((i) => i.deliveryFeeCents <= i.maxDeliveryFeeCents, {
        message: 'must not be more than instore.maxDeliveryFeeCents',
        path: ['deliveryFeeCents'],
      })
      .prefault({}),
    /** The demo (config/dev.json): headless mode also plays Stream's cloud (electron/demo). */
    demo: z
      .object({ fakeStreamCloud: z.boolean().default(false) })
      .strict()
      .prefault({}),
    /** What `/api/health` calls a problem (electron/core/api/health.ts). */
    health: z
      .object({
        /** Events wait and Stream has not answered for longer than this: a named problem. */
        streamContactMaxAgeSeconds: z.number().int().min(10).max(86_400).default(120),
        /** Minutes between `PRAGMA quick_check` runs on the database (also run at start); 0: only at start. */
        databaseCheckMinutes: z.number().int().min(0).max(10_080).default(60),
      })
      .strict()
      .prefault({}),
    /** Online backups into `<dataDir>/backups` (electron/core/db/backup.ts). */
    backup: z
      .object({
        /** Minutes between scheduled backups; 0 turns them off. */
        intervalMinutes: z.number().int().min(0).max(10_080).default(60),
        /** How many backups to keep, newest first. */
        keep: z.number().int().min(1).max(1000).default(48),
      })
      .strict()
      .prefault({}),
    local: z
      .object({
        host: host.default('127.0.0.1'),
        port: port.default(8788),
        /** LAN names this listener answers to when `local.host` is not loopback. */
        allowedHosts,
        token: secret.optional(),
      })
      .strict()
      .prefault({}),
    /** Chains (electron/core/relay): an outbound NATS connection that serves this location's
     * Stream requests relayed by the gateway. Off unless `url` is set. */
    relay: z
      .object({
        /** NATS server URL(s), comma-separated for a cluster (`nats://a:4222,nats://b:4222`). */
        url: z.string().min(1).optional(),
        /** This store's NATS user (its permissions cover only its own location's subject). */
        user: z.string().min(1).optional(),
        password: z.string().min(1).optional(),
        /** The merchant this location belongs to (Get Locations lists a merchant's stores). */
        merchantId: z.string().min(1).default('default'),
        /** Seconds between registry heartbeats. */
        heartbeatSeconds: z.number().int().min(1).max(300).default(10),
      })
      .strict()
      .prefault({}),
    /** Store controls (electron/core/store), read in `location.timezone`. */
    store: z
      .object({
        /** Regular hours per weekday (sun … sat) as "HH:MM-HH:MM"; a close at or before the open
         * runs past midnight. Unset: always open. A weekday left out is closed all day. */
        openingHours: z
          .object({
            sun: openingRanges,
            mon: openingRanges,
            tue: openingRanges,
            wed: openingRanges,
            thu: openingRanges,
            fri: openingRanges,
            sat: openingRanges,
          })
          .strict()
          .optional(),
        /** Whole local days the store is closed (holidays), "YYYY-MM-DD". */
        closedDays: z
          .array(
            z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be YYYY-MM-DD'),
          )
          .default([]),
        /** When "today" ends for "rest of today" (86 and pause): the business day, which for a
         * late-night kitchen runs past midnight. */
        dayRolloverTime: z
          .string()
          .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM')
          .default('04:00'),
      })
      .strict()
      .prefault({}),
    manager: z
      .object({
        /** IT's first manager PIN, stored only as its hash at first start; ignored once a PIN exists. */
        initialPin: z
          .string()
          .regex(/^\d{4,12}$/, 'must be 4 to 12 digits')
          .optional(),
        /** Wrong PINs in a row before the PIN locks. */
        pinMaxAttempts: z.number().int().min(1).max(20).default(5),
        /** How long the first lockout lasts after too many wrong tries; each lockout in a row
         * after it lasts twice as long, up to `pinLockoutMaxSeconds`. */
        pinLockoutSeconds: z.number().int().min(10).max(86_400).default(300),
        /** The longest one lockout lasts (default 4 hours). */
        pinLockoutMaxSeconds: z
          .number()
          .int()
          .min(10)
          .max(7 * 86_400)
          .default(4 * 3600),
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
                from: z
                  .string()
                  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM')
                  .default('02:00'),
                to: z
                  .string()
                  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM')
                  .default('05:00'),
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
  'stream.authorize.clientSecret',
  'local.token',
  'manager.initialPin',
  'pos.authHeader',
  'relay.password',
] as const;

/** 127.0.0.0/8, ::1 and localhost: nobody off this machine can reach the listener. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
