// Words of the app shell: the tabs, the top bar, the Scheduled and Done lists, the start-up page
// and the messages the shared services show, in the terminal's language. Pure data, so the
// translation test can load it under Node.
import { translations } from '../i18n/texts.js';

export const APP_TEXTS = translations(
  {
    /**
     * `label` is the full name (screen readers, tests, wide screens); `short` what a narrow screen
     * (1024 px) shows so seven tabs fit in one row. A `short` equal to `label` means none.
     */
    tabs: {
      board: { label: 'Orders', short: 'Orders' },
      scheduled: { label: 'Scheduled', short: 'Scheduled' },
      done: { label: 'Done & canceled', short: 'Done' },
      new: { label: '+ New order', short: '+ New' },
      history: { label: 'History', short: 'History' },
      store: { label: 'Store', short: 'Store' },
      health: { label: 'Health', short: 'Health' },
    },
    time: 'Time',
    screens: 'Screens',
    closed: 'CLOSED',
    paused: 'PAUSED',
    until: (time: string) => ` until ${time}`,
    newOrders: (n: number) => (n === 1 ? 'new order' : 'new orders'),
    scheduledTitle: 'Scheduled for later',
    scheduledEmpty:
      'No future orders waiting. Accepted future orders wait here until you start them.',
    doneTitle: 'Done & canceled today',
    doneEmpty: 'Nothing finished yet today.',
    loadOrdersFailed: (why: string) => `Could not load orders: ${why}`,
  },
  {
    // Spanish words run longer: at 1024 px the short labels (Futuros, Nuevo, Hist.) keep the tabs
    // in one row beside the clock and the pending count, and at 1366 px "Cerrados" (finished,
    // rejected or canceled; the list's title names both) does. A paused store's tab is the red
    // PAUSADA pill (App.tsx).
    tabs: {
      board: { label: 'Pedidos', short: 'Pedidos' },
      scheduled: { label: 'Programados', short: 'Futuros' },
      done: { label: 'Cerrados', short: 'Cerrados' },
      new: { label: '+ Nuevo pedido', short: 'Nuevo' },
      history: { label: 'Historial', short: 'Hist.' },
      store: { label: 'Tienda', short: 'Tienda' },
      health: { label: 'Estado', short: 'Estado' },
    },
    time: 'Hora',
    screens: 'Pantallas',
    closed: 'CERRADA',
    paused: 'PAUSADA',
    until: (time: string) => ` hasta ${time}`,
    newOrders: (n: number) => (n === 1 ? 'pedido nuevo' : 'pedidos nuevos'),
    scheduledTitle: 'Programados para más tarde',
    scheduledEmpty:
      'No hay pedidos futuros en espera. Los pedidos futuros aceptados esperan aquí hasta que los empiece.',
    doneTitle: 'Cerrados y cancelados hoy',
    doneEmpty: 'Todavía no se ha cerrado ningún pedido hoy.',
    loadOrdersFailed: (why: string) => `No se pudieron cargar los pedidos: ${why}`,
  },
);

/** The page shown when the screen was opened without the connector's link (no token). */
export const SIGN_IN_TEXTS = translations(
  {
    title: 'Not signed in',
    before: 'Open this screen with the link the connector prints at start-up (it ends in',
    after: '), or from the desktop app.',
  },
  {
    title: 'Sin sesión iniciada',
    before: 'Abra esta pantalla con el enlace que el conector muestra al arrancar (termina en',
    after: '), o desde la aplicación de escritorio.',
  },
);

/** What the Local API client says itself (the core's own refusals keep the core's words). */
export const CLIENT_TEXTS = translations(
  { notAnswering: 'The connector is not answering. Check that it is running.' },
  { notAnswering: 'El conector no responde. Compruebe que esté en marcha.' },
);
