// A small set of line icons drawn here as SVG, so every screen shows the same shapes whatever
// fonts the counter PC has (emoji fonts are missing on many Linux and older Windows machines).
// Icons sit beside words, never instead of them, and are hidden from screen readers.
import type { FulfillmentType } from '../../../shared/domain.js';

const PATHS = {
  bell: 'M6 16v-5a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0',
  warning: 'M12 3 2 20h20zM12 9v5M12 16.5v.5',
  stop: 'M8 2h8l6 6v8l-6 6H8l-6-6V8zM8.5 8.5l7 7M15.5 8.5l-7 7',
  clock: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 7v5l3 3',
  cash: 'M2 6h20v12H2zM12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6M5 9v.5M19 14.5v.5',
  truck:
    'M1 5h13v11H1zM14 9h4l4 4v3h-8zM5 16a2 2 0 1 0 0 4a2 2 0 1 0 0-4M17 16a2 2 0 1 0 0 4a2 2 0 1 0 0-4',
  car: 'M3 16v-4l2.5-5h13L21 12v4zM3 12h18M7 15.5a1.5 1.5 0 1 0 0 .01M17 15.5a1.5 1.5 0 1 0 0 .01',
  bag: 'M5 8h14l-1 13H6zM9 8V6a3 3 0 0 1 6 0v2',
  window: 'M3 4h18v16H3zM3 11h18M10 15h4',
  dine: 'M7 3v18M4.5 3v5a2.5 2.5 0 0 0 5 0V3M18 21V3c-2 1-3.5 4-3.5 8h3.5',
  offline:
    'M5 12.5a10 10 0 0 1 6-2.9M8.5 16a5 5 0 0 1 5-1.3M12 19.5v.5M2 8.8a15 15 0 0 1 4.5-2.7M14 5.2a15 15 0 0 1 8 3.6M3 3l18 18',
  muted: 'M4 9h4l5-4v14l-5-4H4zM17 9l5 6M22 9l-5 6',
  check: 'M4 12.5l5 5L20 6',
  cross: 'M6 6l12 12M18 6L6 18',
  note: 'M5 3h10l4 4v14H5zM15 3v4h4M8 11h8M8 15h8M8 19h5',
  route: 'M6 19a2 2 0 1 0 0 .01M18 5a2 2 0 1 0 0 .01M6 17V9a4 4 0 0 1 8 0v6a4 4 0 0 0 4 4M18 7v0',
} as const;

export type IconName = keyof typeof PATHS;

export const FULFILLMENT_ICON: Record<FulfillmentType, IconName> = {
  delivery: 'truck',
  merchant_managed_delivery: 'car',
  pickup: 'bag',
  curbside: 'car',
  drive_thru: 'window',
  dine_in: 'dine',
};

export function Icon({
  name,
  size = '1.1em',
  className,
}: {
  name: IconName;
  size?: string;
  className?: string;
}) {
  return (
    <svg
      className={`icon ${className ?? ''}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
