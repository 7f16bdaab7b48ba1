// The orders screens' words: the board and its cards, the countdown, the prep stepper, the
// reject dialog, the order detail with its POS leg, and what the order actions say when they
// fail. Data only (Node loads it in test/unit/renderer-i18n.test.ts). The words the core sends
// (a refusal's reason, a POS error, the timeline's entries) are not here: they stay the core's.
import { translations } from '../../i18n/texts.js';

/** The board: its two lanes, their groups and the shortcut hint. */
export const BOARD = translations(
  {
    newOrders: 'New orders',
    newOrdersList: 'New orders, most urgent first',
    noNewOrders:
      'No new orders. When one arrives it appears here with a sound, and the top bar flashes.',
    inProgress: 'In progress',
    noneInProgress: 'Accepted orders show here until they are picked up.',
    group: {
      preparing: 'Accepted · preparing',
      ready: 'Ready',
      outForDelivery: 'Out for delivery',
    },
    keys: {
      title: 'Keys:',
      accept: 'accept',
      reject: 'reject',
      prep: 'prep time',
      choose: 'choose',
      lane: 'lane',
      details: 'details',
      bump: 'next step',
      space: 'Space',
    },
    /** The new-order lane's buttons when cards wait above / below the rows in sight. */
    moreAbove: (n: number) => `↑ ${n}`,
    moreAboveSpoken: (n: number) => `${n} new ${n === 1 ? 'order' : 'orders'} above, show`,
    moreBelow: (n: number) => `↓ ${n} more`,
    moreBelowSpoken: (n: number) => `${n} more new ${n === 1 ? 'order' : 'orders'} below, show`,
    /** The same for the in-progress lane (narrow at 1024 px: the arrow and the number only). */
    progressBelow: (n: number) => `↓ ${n}`,
    progressAboveSpoken: (n: number) =>
      `${n} ${n === 1 ? 'order' : 'orders'} in progress above, show`,
    progressBelowSpoken: (n: number) =>
      `${n} more ${n === 1 ? 'order' : 'orders'} in progress below, show`,
  },
  {
    newOrders: 'Pedidos nuevos',
    newOrdersList: 'Pedidos nuevos, el más urgente primero',
    noNewOrders:
      'No hay pedidos nuevos. Cuando llegue uno, aparecerá aquí con un sonido y la barra de arriba parpadeará.',
    inProgress: 'En curso',
    noneInProgress: 'Los pedidos aceptados aparecen aquí hasta que se entregan.',
    group: {
      preparing: 'Aceptados · preparando',
      ready: 'Listos',
      outForDelivery: 'En camino',
    },
    keys: {
      title: 'Teclas:',
      accept: 'aceptar',
      reject: 'rechazar',
      prep: 'tiempo de prep.',
      choose: 'elegir',
      lane: 'columna',
      details: 'detalles',
      bump: 'siguiente paso',
      space: 'Espacio',
    },
    moreAbove: (n: number) => `↑ ${n}`,
    moreAboveSpoken: (n: number) =>
      `${n} ${n === 1 ? 'pedido nuevo' : 'pedidos nuevos'} arriba, mostrar`,
    moreBelow: (n: number) => `↓ ${n} más`,
    moreBelowSpoken: (n: number) =>
      `${n} ${n === 1 ? 'pedido nuevo más' : 'pedidos nuevos más'} abajo, mostrar`,
    progressBelow: (n: number) => `↓ ${n}`,
    progressAboveSpoken: (n: number) =>
      `${n} ${n === 1 ? 'pedido en curso' : 'pedidos en curso'} arriba, mostrar`,
    progressBelowSpoken: (n: number) =>
      `${n} ${n === 1 ? 'pedido en curso más' : 'pedidos en curso más'} abajo, mostrar`,
  },
);

/** The cards on the board and the rows of the order lists. */
export const CARD = translations(
  {
    accept: 'Accept',
    reject: 'Reject',
    details: 'Details',
    /** A progress card's button, read by screen readers: "Ready: Uber Eats U-1001, details". */
    openDetails: (status: string, order: string) => `${status}: ${order}, details`,
    late: (howLong: string) => `LATE ${howLong}`,
    due: (time: string) => `due ${time}`,
    driver: 'Driver:',
    /** A scheduled order's row: "for Today 18:30". */
    forWhen: (when: string) => `for ${when}`,
    future: 'FUTURE',
    futureTitle: 'Scheduled for later',
    unpaid: 'UNPAID · collect payment',
    unpaidTitle: 'Collect payment',
    itemNote: 'Note:',
    items: 'Items',
    allergy: 'ALLERGY',
    moreLines: (n: number) => `+${n} more ${n === 1 ? 'item' : 'items'} · Details`,
    moreDetails: 'More in Details',
  },
  {
    accept: 'Aceptar',
    reject: 'Rechazar',
    details: 'Detalles',
    openDetails: (status: string, order: string) => `${status}: ${order}, detalles`,
    late: (howLong: string) => `ATRASADO ${howLong}`,
    due: (time: string) => `para las ${time}`,
    driver: 'Repartidor:',
    // "para hoy 18:30", "para mié, 5 mar 18:30": the day in lower case after "para".
    forWhen: (when: string) => `para ${when.charAt(0).toLowerCase()}${when.slice(1)}`,
    future: 'PROGRAMADO',
    futureTitle: 'Programado para más tarde',
    unpaid: 'SIN PAGAR · cobrar',
    unpaidTitle: 'Cobrar el pago',
    itemNote: 'Nota:',
    items: 'Productos',
    allergy: 'ALERGIA',
    moreLines: (n: number) => `+${n} ${n === 1 ? 'producto más' : 'productos más'} · Detalles`,
    moreDetails: 'Más en Detalles',
  },
);

/** The time-to-decide ring and the prep time stepper. */
export const TIMING = translations(
  {
    timeUp: "Time's up",
    hurry: 'HURRY',
    left: 'sec',
    /** The line under the number: "sec", "HURRY" (the ring is 76 px across on a card). */
    unit: (label: string) => label,
    timeUpLabel: 'Time to decide is up',
    secondsLeft: (seconds: number) => `${seconds} seconds left to accept`,
    prepTime: 'Prep time',
    lessPrep: (minutes: number) => `Less prep time (now ${minutes} minutes)`,
    morePrep: (minutes: number) => `More prep time (now ${minutes} minutes)`,
  },
  {
    timeUp: 'Se acabó',
    hurry: 'RÁPIDO',
    // "s restan" does not fit the smaller rings: the unit alone, the ring says the rest.
    left: 'seg',
    unit: (label: string) => label,
    timeUpLabel: 'Se acabó el tiempo para decidir',
    secondsLeft: (seconds: number) =>
      seconds === 1 ? 'Queda 1 segundo para aceptar' : `Quedan ${seconds} segundos para aceptar`,
    prepTime: 'Preparación',
    lessPrep: (minutes: number) => `Menos tiempo de preparación (ahora ${minutes} minutos)`,
    morePrep: (minutes: number) => `Más tiempo de preparación (ahora ${minutes} minutos)`,
  },
);

/** An order's money on its details (MoneyBreakdown.tsx). */
export const MONEY = translations(
  {
    subtotal: 'Items (subtotal)',
    discount: 'Discount',
    discountNamed: (name: string) => `Discount: ${name}`,
    tax: 'Tax',
    taxWithheld: 'Tax the platform pays itself',
    storeCollects: 'The store collects',
    platformPart: 'Paid to the delivery platform and the driver, not to the store:',
    deliveryFee: 'Delivery fee',
    driverTip: 'Driver tip',
    customerPaid: 'The customer paid the platform',
  },
  {
    subtotal: 'Productos (subtotal)',
    discount: 'Descuento',
    discountNamed: (name: string) => `Descuento: ${name}`,
    tax: 'Impuestos',
    taxWithheld: 'Impuestos que paga la plataforma',
    storeCollects: 'La tienda cobra',
    platformPart: 'Pagado a la plataforma de reparto y al repartidor, no a la tienda:',
    deliveryFee: 'Costo de envío',
    driverTip: 'Propina del repartidor',
    customerPaid: 'El cliente pagó a la plataforma',
  },
);

/** The order's details. */
export const DETAIL = translations(
  {
    order: 'Order',
    close: 'Close ✕',
    closeLabel: 'Close details',
    loadFailed: (why: string) => `Could not load the order: ${why}`,
    loading: 'Loading…',
    prep: (minutes: number) => `prep ${minutes} min`,
    orderNote: 'Order note:',
    deliveryNote: 'Delivery note:',
    items: 'Items',
    customer: 'Customer',
    noCustomer: 'No customer details.',
    deliverTo: 'Deliver to',
    driver: 'Driver',
    assigned: 'Assigned',
    timeline: 'Timeline',
    by: (actor: string) => `by ${actor}`,
    received: (time: string) => `Received ${time}`,
    decided: (time: string, who: string) => ` · decided ${time} by ${who}`,
  },
  {
    order: 'Pedido',
    close: 'Cerrar ✕',
    closeLabel: 'Cerrar detalles',
    loadFailed: (why: string) => `No se pudo cargar el pedido: ${why}`,
    loading: 'Cargando…',
    prep: (minutes: number) => `preparación ${minutes} min`,
    orderNote: 'Nota del pedido:',
    deliveryNote: 'Nota de entrega:',
    items: 'Productos',
    customer: 'Cliente',
    noCustomer: 'Sin datos del cliente.',
    deliverTo: 'Entregar en',
    driver: 'Repartidor',
    assigned: 'Asignado',
    timeline: 'Cronología',
    by: (actor: string) => `por ${actor}`,
    received: (time: string) => `Recibido ${time}`,
    decided: (time: string, who: string) => ` · decidido ${time} por ${who}`,
  },
);

/** Cancelling an accepted order from its details. */
export const CANCEL = translations(
  {
    open: 'Cancel order…',
    group: 'Cancel this order',
    /** Quick reasons; what reaches Stream is always the English one (see CancelControl). */
    reasons: {
      customer: 'Customer asked',
      stock: 'Out of stock',
      kitchen: 'Kitchen problem',
      driver: 'Driver never came',
    },
    reason: 'Reason (told to Stream)',
    keep: 'Keep the order',
    confirm: 'Cancel the order',
  },
  {
    open: 'Cancelar pedido…',
    group: 'Cancelar este pedido',
    reasons: {
      customer: 'Lo pidió el cliente',
      stock: 'Sin existencias',
      kitchen: 'Problema en cocina',
      driver: 'No llegó el repartidor',
    },
    reason: 'Motivo (se envía a Stream)',
    keep: 'No cancelar',
    confirm: 'Cancelar el pedido',
  },
);

/** The reject dialog (the reasons themselves are in labels.ts). */
export const REJECT = translations(
  {
    title: (order: string) => `Reject ${order}?`,
    why: 'Why? Pick one',
    soldOut: 'What is sold out? (optional)',
    note: (required: boolean) => `Note for Stream ${required ? '(please say why)' : '(optional)'}`,
    back: 'Back',
    confirm: 'Reject order',
    also86: (n: number) =>
      `Also mark ${n === 1 ? 'it' : 'them'} sold out (86) for the rest of today · manager PIN`,
    soldOutDone: (n: number) => `${n === 1 ? '1 item' : `${n} items`} 86'd for the rest of today`,
    soldOutFailed: (why: string) =>
      `The order was rejected, but the items are still on sale: ${why}`,
  },
  {
    title: (order: string) => `¿Rechazar ${order}?`,
    why: '¿Por qué? Elija uno',
    soldOut: '¿Qué está agotado? (opcional)',
    note: (required: boolean) => `Nota para Stream ${required ? '(diga el motivo)' : '(opcional)'}`,
    back: 'Volver',
    confirm: 'Rechazar pedido',
    also86: (n: number) =>
      `Marcar también ${n === 1 ? 'el producto' : 'los productos'} como agotado (86) el resto del día · PIN de gerente`,
    soldOutDone: (n: number) =>
      `${n === 1 ? '1 producto agotado' : `${n} productos agotados`} el resto del día`,
    soldOutFailed: (why: string) =>
      `El pedido se rechazó, pero los productos siguen a la venta: ${why}`,
  },
);

/** The next step's button on an order in progress. */
export const NEXT_STEP = translations(
  {
    startPreparing: 'Start preparing',
    markReady: 'Mark ready',
    outForDelivery: 'Out for delivery',
    served: 'Served',
    handedToDriver: 'Handed to driver',
    pickedUp: 'Picked up',
    delivered: 'Delivered',
  },
  {
    startPreparing: 'Preparar',
    markReady: 'Marcar listo',
    outForDelivery: 'En camino',
    served: 'Servido',
    handedToDriver: 'Con el repartidor',
    pickedUp: 'Recogido',
    delivered: 'Entregado',
  },
);

/** What the order actions say when the core refuses or cannot be reached. */
export const ACTIONS = translations(
  {
    failed: {
      accept: (why: string) => `Accept failed. ${why}`,
      reject: (why: string) => `Reject failed. ${why}`,
      status: (why: string) => `Status change failed. ${why}`,
      cancel: (why: string) => `Cancel failed. ${why}`,
    },
    /** What the manager PIN keypad says it is for. */
    cancelThisOrder: 'Cancel this order',
  },
  {
    failed: {
      accept: (why: string) => `No se pudo aceptar. ${why}`,
      reject: (why: string) => `No se pudo rechazar. ${why}`,
      status: (why: string) => `No se pudo cambiar el estado. ${why}`,
      cancel: (why: string) => `No se pudo cancelar. ${why}`,
    },
    cancelThisOrder: 'Cancelar este pedido',
  },
);

/** The POS leg in the details, and the "not in the POS" banner on every screen. */
export const POS_LEG = translations(
  {
    title: 'POS and kitchen',
    target: { pos: 'POS', printer: 'Kitchen printer' },
    retrying: (target: string) => `${target}: trying again`,
    retryFailed: (target: string, why: string) => `${target}: trying again failed. ${why}`,
    markedByHand: (target: string) => `${target}: marked as done by hand`,
    markByHandFailed: (target: string, why: string) =>
      `${target}: marked as done by hand failed. ${why}`,
    reprinted: 'Ticket sent to the printer again',
    reprintFailed: (why: string) => `Ticket sent to the printer again failed. ${why}`,
    reprint: 'Reprint kitchen ticket',
    tryAgain: 'Try again',
    enteredByHand: 'Entered by hand…',
    doneByHand: 'Done by hand…',
    checkNumber: 'POS check number (if you have it)',
    confirm: 'Confirm',
    back: 'Back',
    // The leg in words.
    tries: (n: number) => `${n} failed ${n === 1 ? 'try' : 'tries'}`,
    voidFailed: (error: string | null) =>
      `Canceled, but the void did not reach the POS${error ? `: ${error}` : ''}. Void it on the POS by hand.`,
    voided: 'Canceled and voided in the POS',
    voiding: 'Canceled: voiding it in the POS…',
    notInPos: 'NOT IN THE POS',
    notPrinted: 'NOT PRINTED',
    voidNotInPos: 'VOID NOT IN THE POS',
    /** "NOT IN THE POS (2 failed tries: HTTP 500)". */
    failedWithTries: (headline: string, tries: string, error: string | null) =>
      `${headline} (${tries}${error ? `: ${error}` : ''})`,
    sending: 'Sending to the POS…',
    printing: 'Printing…',
    sendingAgain: (pos: boolean, tries: string, error: string | null) =>
      `${pos ? 'Sending to the POS' : 'Printing'}, trying again (${tries}${error ? `: ${error}` : ''})`,
    inPos: (check: string | null, since: string | null) =>
      `In the POS${check ? ` as check ${check}` : ''}${since ? ` since ${since}` : ''}`,
    printed: (at: string | null) => `Printed${at ? ` at ${at}` : ''}`,
    byHand: (pos: boolean, who: string | null, check: string | null) =>
      `${pos ? 'Entered in the POS' : 'Handled'} by hand${who ? ` (${who})` : ''}${check ? `, check ${check}` : ''}`,
    withdrawn: (pos: boolean) =>
      `Not sent: the order ended before it reached the ${pos ? 'POS' : 'printer'}`,
    /** The banner: "NOT IN THE POS — order U-1001". */
    bannerOrder: (number: string) => `— order ${number}`,
    open: 'Open',
  },
  {
    title: 'POS y cocina',
    target: { pos: 'POS', printer: 'Impresora de cocina' },
    retrying: (target: string) => `${target}: reintentando`,
    retryFailed: (target: string, why: string) => `${target}: no se pudo reintentar. ${why}`,
    markedByHand: (target: string) => `${target}: marcado como hecho a mano`,
    markByHandFailed: (target: string, why: string) =>
      `${target}: no se pudo marcar como hecho a mano. ${why}`,
    reprinted: 'Comanda enviada otra vez a la impresora',
    reprintFailed: (why: string) => `No se pudo reimprimir la comanda. ${why}`,
    reprint: 'Reimprimir comanda',
    tryAgain: 'Reintentar',
    enteredByHand: 'Ingresado a mano…',
    doneByHand: 'Hecho a mano…',
    checkNumber: 'Número de cuenta en el POS (si lo tiene)',
    confirm: 'Confirmar',
    back: 'Volver',
    tries: (n: number) => (n === 1 ? '1 intento fallido' : `${n} intentos fallidos`),
    voidFailed: (error: string | null) =>
      `Cancelado, pero la anulación no llegó al POS${error ? `: ${error}` : ''}. Anúlelo a mano en el POS.`,
    voided: 'Cancelado y anulado en el POS',
    voiding: 'Cancelado: anulándolo en el POS…',
    notInPos: 'NO ESTÁ EN EL POS',
    notPrinted: 'NO IMPRESO',
    voidNotInPos: 'ANULACIÓN NO LLEGÓ AL POS',
    failedWithTries: (headline: string, tries: string, error: string | null) =>
      `${headline} (${tries}${error ? `: ${error}` : ''})`,
    sending: 'Enviando al POS…',
    printing: 'Imprimiendo…',
    sendingAgain: (pos: boolean, tries: string, error: string | null) =>
      `${pos ? 'Enviando al POS' : 'Imprimiendo'}, reintentando (${tries}${error ? `: ${error}` : ''})`,
    inPos: (check: string | null, since: string | null) =>
      `En el POS${check ? ` como cuenta ${check}` : ''}${since ? ` desde las ${since}` : ''}`,
    printed: (at: string | null) => `Impreso${at ? ` a las ${at}` : ''}`,
    byHand: (pos: boolean, who: string | null, check: string | null) =>
      `${pos ? 'Ingresado en el POS' : 'Resuelto'} a mano${who ? ` (${who})` : ''}${check ? `, cuenta ${check}` : ''}`,
    withdrawn: (pos: boolean) =>
      `No enviado: el pedido terminó antes de llegar ${pos ? 'al POS' : 'a la impresora'}`,
    bannerOrder: (number: string) => `— pedido ${number}`,
    open: 'Abrir',
  },
);

/**
 * What the timeline's entries are, in Spanish. The core names each entry with a kind
 * (`received`, `pos.sent`, …); English shows the kind itself in words, as it always has. A kind
 * this list does not know yet shows that way in both languages.
 */
const TIMELINE_ES: Readonly<Record<string, string>> = {
  received: 'recibido',
  created: 'creado',
  accepted: 'aceptado',
  rejected: 'rechazado',
  expired: 'vencido',
  warning: 'aviso',
  preparing: 'preparando',
  ready: 'listo',
  out_for_delivery: 'en camino',
  completed: 'entregado',
  canceled: 'cancelado',
  'stream.updated': 'cambio de Stream',
  'stream.withdrawn': 'Stream: respuesta no enviada',
  withdrawn: 'retirado',
  'pos.queued': 'POS: en cola',
  'pos.sent': 'POS: registrado',
  'pos.failed': 'POS: falló',
  'pos.retry': 'POS: reintento',
  'pos.not_in_pos': 'no está en el POS',
  'pos.entered_by_hand': 'POS: ingresado a mano',
  'printer.entered_by_hand': 'impresora: hecho a mano',
  'pos.void_queued': 'POS: anulación en cola',
  'pos.voided': 'POS: anulado',
  'pos.void_failed': 'POS: anulación falló',
  'pos.void_skipped': 'POS: nada que anular',
  'printer.queued': 'impresora: en cola',
  'printer.printed': 'impresora: ticket impreso',
  'printer.failed': 'impresora: falló',
  'printer.retry': 'impresora: reintento',
  'printer.not_in_pos': 'impresora: sin imprimir',
  'printer.reprint': 'impresora: reimpresión pedida',
  'printer.reprinted': 'impresora: reimpreso',
  'printer.reprint_failed': 'impresora: reimpresión falló',
  'printer.void_queued': 'impresora: aviso de cancelación en cola',
  'printer.canceled_slip_printed': 'impresora: aviso de cancelación impreso',
  'printer.void_skipped': 'impresora: nada que cancelar',
};

export function timelineKind(kind: string, language: 'en' | 'es'): string {
  return (language === 'es' ? TIMELINE_ES[kind] : undefined) ?? kind.replace(/[._]/g, ' ');
}
