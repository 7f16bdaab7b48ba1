// Words of the loud parts of the screen: the new-order strip, the cancel banners, the sound
// warning, the connection banner, desktop notifications and the window title's badge, in the
// terminal's language. Pure data, so the translation test can load it under Node.
import { translations } from '../../i18n/texts.js';

export const ALERT_TEXTS = translations(
  {
    waiting: (n: number) => `${n === 1 ? '1 NEW ORDER' : `${n} NEW ORDERS`} waiting for you`,
    runningOut: ' — TIME RUNNING OUT',
    show: 'Show',
    silence: 'Silence chime',
    canceled: 'ORDER CANCELED',
    /** After "ORDER CANCELED": which order (service and number), whose, and what to do. */
    canceledOrder: (order: string, customer: string | null) =>
      ` — ${order}${customer ? ` (${customer})` : ''}. Stop preparing it.`,
    canceledBy: (who: string, time: string) => ` Canceled by ${who} at ${time}`,
    byStream: 'Stream (customer or delivery platform)',
    /** A withdrawn order (the chain gateway told Stream pos_offline): who, and what it means. */
    byRelay:
      'Stream, because this store did not answer in time (the customer was told it was not accepted)',
    details: 'Details',
    gotIt: 'Got it',
    noSound:
      'This screen cannot play sounds. New orders will only flash. Check the speakers, then reload.',
    soundOff: 'Sound is OFF — tap here to turn on order alerts',
    soundOffWhy:
      'This browser starts silent after every reload. Until you tap, new orders arrive without a sound.',
    notification: {
      canceledTitle: (order: string) => `CANCELED: ${order}`,
      canceledBody: 'Stop preparing this order.',
      missedTitle: (order: string) => `MISSED: ${order}`,
      missedBody: 'Nobody answered it in time. It is on the Orders screen until someone taps Seen.',
      withdrawnBody:
        'Stream failed it because the store did not answer in time; the customer was told it was not accepted. Do not prepare it.',
      newTitle: (order: string) => `New order: ${order}`,
      newBody: 'Accept or reject it on the board.',
    },
    /** The window title while it flashes; `count` is "(3) " or empty. */
    titleCanceled: '⛔ ORDER CANCELED',
    titleNew: (count: string) => `🔔 ${count}NEW ORDER`,
  },
  {
    waiting: (n: number) => `${n === 1 ? '1 PEDIDO NUEVO' : `${n} PEDIDOS NUEVOS`} en espera`,
    runningOut: ' — SE ACABA EL TIEMPO',
    show: 'Ver',
    silence: 'Silenciar aviso',
    canceled: 'PEDIDO CANCELADO',
    canceledOrder: (order: string, customer: string | null) =>
      ` — ${order}${customer ? ` (${customer})` : ''}. Deje de prepararlo.`,
    canceledBy: (who: string, time: string) => ` Cancelado por ${who} a las ${time}`,
    byStream: 'Stream (cliente o plataforma de reparto)',
    byRelay:
      'Stream, porque esta tienda no respondió a tiempo (al cliente se le dijo que no fue aceptado)',
    details: 'Detalles',
    gotIt: 'Entendido',
    noSound:
      'Esta pantalla no puede reproducir sonidos. Los pedidos nuevos solo parpadearán. Revise los altavoces y vuelva a cargar.',
    soundOff: 'Sonido APAGADO — toque aquí para activar los avisos de pedidos',
    soundOffWhy:
      'Este navegador arranca en silencio tras cada recarga. Hasta que toque, los pedidos nuevos llegan sin sonido.',
    notification: {
      canceledTitle: (order: string) => `CANCELADO: ${order}`,
      canceledBody: 'Deje de preparar este pedido.',
      missedTitle: (order: string) => `PERDIDO: ${order}`,
      missedBody:
        'Nadie lo respondió a tiempo. Queda en la pantalla de pedidos hasta que alguien toque Visto.',
      withdrawnBody:
        'Stream lo dio por fallido porque la tienda no respondió a tiempo; al cliente se le dijo que no fue aceptado. No lo prepare.',
      newTitle: (order: string) => `Pedido nuevo: ${order}`,
      newBody: 'Acéptelo o recházelo en el tablero.',
    },
    titleCanceled: '⛔ PEDIDO CANCELADO',
    titleNew: (count: string) => `🔔 ${count}PEDIDO NUEVO`,
  },
);

export const CONNECTION_TEXTS = translations(
  {
    lost: 'Connection lost',
    lostDetail: ' — new orders cannot reach this screen. Reconnecting…',
  },
  {
    lost: 'Sin conexión',
    lostDetail: ' — los pedidos nuevos no pueden llegar a esta pantalla. Reconectando…',
  },
);

/** The core's words for a printer problem (escpos/status.ts), in Spanish. */
const PRINTER_PROBLEMS_ES: Readonly<Record<string, string>> = {
  'paper out': 'sin papel',
  'cover open': 'tapa abierta',
  'printer error': 'error de la impresora',
  offline: 'fuera de línea',
};

/** The kitchen printer's trouble, seen between orders (the core's printer watch). */
export const PRINTER_TEXTS = translations(
  {
    trouble: 'KITCHEN PRINTER',
    troubleHint: 'Tickets will not print until it is fixed.',
    low: 'Kitchen printer: paper running low',
    lowHint: 'Have a new roll ready.',
    checkAgain: 'Check again',
    checking: 'Checking…',
    /** The core's words for what is wrong, as staff read them. */
    problem: (words: string) => words,
  },
  {
    trouble: 'IMPRESORA DE COCINA',
    troubleHint: 'Los tickets no saldrán hasta que se arregle.',
    low: 'Impresora de cocina: queda poco papel',
    lowHint: 'Tenga listo un rollo nuevo.',
    checkAgain: 'Revisar de nuevo',
    checking: 'Revisando…',
    problem: (words: string) =>
      words.startsWith('unreachable')
        ? `no responde (${words.replace(/^unreachable:\s*/, '')})`
        : (PRINTER_PROBLEMS_ES[words] ?? words),
  },
);
