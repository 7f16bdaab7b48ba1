// The Missed group's words, the top bar's "N missed today" and the pause offer. Data only.
import { translations } from '../../i18n/texts.js';

export const MISSED_TEXTS = translations(
  {
    title: 'Missed',
    list: 'Missed orders, newest first',
    explain: 'Nobody answered these in time. Tap Seen once you have dealt with each one.',
    missedAt: (time: string) => `Missed at ${time}`,
    expired: 'No answer in time. Stream was told:',
    streamCanceled: 'Stream canceled it before anyone answered:',
    storeUnreachable:
      'Stream failed this order because the store did not answer in time — the customer was told it was not accepted. Do not prepare it.',
    seen: 'Seen',
    seenLabel: (order: string) => `Seen: ${order}`,
    today: (n: number) => (n === 1 ? '1 missed today' : `${n} missed today`),
    short: (n: number) => `${n} missed`,
    offer: {
      title: (n: number, minutes: number) => `${n} orders missed in ${minutes} minutes`,
      body: 'The delivery apps pause stores that keep missing orders: pause now, or give the kitchen more time.',
      pause: 'Pause 30 min',
      pausePrompt: 'Pause the store for 30 minutes',
      pauseReason: 'Missed orders',
      busy: 'Busy: +15 min prep',
      later: 'Not now',
      paused: 'Store paused for 30 minutes',
      busyOn: 'Busy mode on: +15 min prep for the next hour',
      failed: (why: string) => `That did not work: ${why}`,
    },
  },
  {
    title: 'Perdidos',
    list: 'Pedidos perdidos, el más reciente primero',
    explain: 'Nadie los respondió a tiempo. Toque Visto cuando se haya ocupado de cada uno.',
    missedAt: (time: string) => `Perdido a las ${time}`,
    expired: 'Sin respuesta a tiempo. A Stream se le dijo:',
    streamCanceled: 'Stream lo canceló antes de que alguien respondiera:',
    storeUnreachable:
      'Stream dio este pedido por fallido porque la tienda no respondió a tiempo: al cliente se le dijo que no fue aceptado. No lo prepare.',
    seen: 'Visto',
    seenLabel: (order: string) => `Visto: ${order}`,
    today: (n: number) => (n === 1 ? '1 perdido hoy' : `${n} perdidos hoy`),
    short: (n: number) => (n === 1 ? '1 perdido' : `${n} perdidos`),
    offer: {
      title: (n: number, minutes: number) => `${n} pedidos perdidos en ${minutes} minutos`,
      body: 'Las apps de reparto pausan las tiendas que siguen perdiendo pedidos: pause ahora o dé más tiempo a la cocina.',
      pause: 'Pausar 30 min',
      pausePrompt: 'Pausar la tienda 30 minutos',
      pauseReason: 'Pedidos perdidos',
      busy: 'Ocupado: +15 min prep.',
      later: 'Ahora no',
      paused: 'Tienda pausada 30 minutos',
      busyOn: 'Modo ocupado: +15 min de preparación durante una hora',
      failed: (why: string) => `No funcionó: ${why}`,
    },
  },
);
