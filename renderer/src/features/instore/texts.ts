// Words of the new-order form (call-in / walk-in), in the terminal's language. Pure data, so the
// translation test can load it under Node. Item, size and modifier names are the catalog's and
// stay as they are; so do the core's own messages about a refused field.
import { translations } from '../../i18n/texts.js';

/** The rules a modifier group sets ("Choose 1") and what is still missing ("choose one"). */
export const RULE_TEXTS = translations(
  {
    exactly: (n: number) => `Choose ${n}`,
    optional: 'Optional',
    optionalUpTo: (max: number) => `Optional, up to ${max}`,
    atLeast: (min: number) => `At least ${min}`,
    between: (min: number, max: number) => `${min} to ${max}`,
    chooseOne: 'choose one',
    chooseAtLeast: (min: number) => `choose at least ${min}`,
    chooseAtMost: (max: number) => `choose at most ${max}`,
  },
  {
    exactly: (n: number) => `Elija ${n}`,
    optional: 'Opcional',
    optionalUpTo: (max: number) => `Opcional, hasta ${max}`,
    atLeast: (min: number) => `Al menos ${min}`,
    between: (min: number, max: number) => `De ${min} a ${max}`,
    chooseOne: 'elija uno',
    chooseAtLeast: (min: number) => `elija al menos ${min}`,
    chooseAtMost: (max: number) => `elija como máximo ${max}`,
  },
);

/** What the form checks itself before sending. */
export const FORM_TEXTS = translations(
  {
    sources: { phone: 'Phone call', walk_in: 'Walk-in' },
    addAnItem: 'Add at least one item',
    neededForDelivery: 'Needed for delivery',
    nameWithPhone: 'Add a name to go with the phone number',
    pickATime: 'Pick a time, or choose “As soon as possible”',
  },
  {
    sources: { phone: 'Llamada', walk_in: 'En mostrador' },
    addAnItem: 'Agregue al menos un producto',
    neededForDelivery: 'Falta para el envío',
    nameWithPhone: 'Agregue un nombre para el teléfono',
    pickATime: 'Elija una hora, o “Lo antes posible”',
  },
);

/** Who the order is for, how it leaves, when, notes. */
export const FIELD_TEXTS = translations(
  {
    source: 'Order from',
    fulfillment: 'How it leaves',
    customerName: 'Customer name',
    customerNameOptional: 'Customer name (optional)',
    phone: 'Phone',
    phoneOptional: 'Phone (optional)',
    deliverTo: 'Deliver to',
    street: 'Street and number',
    postalCode: 'Postal code',
    city: 'City',
    stateOptional: 'State (optional)',
    utensils: 'Include cutlery and napkins',
    when: 'When',
    asap: 'As soon as possible',
    inMinutes: (minutes: number) => `In ${minutes} min`,
    today: 'Today',
    tomorrow: 'Tomorrow',
    at: 'at',
    notes: 'Order notes (allergies, door code…)',
  },
  {
    source: 'Origen',
    fulfillment: 'Tipo de entrega',
    customerName: 'Cliente',
    customerNameOptional: 'Cliente (opcional)',
    phone: 'Teléfono',
    phoneOptional: 'Teléfono (opcional)',
    deliverTo: 'Entregar en',
    street: 'Calle y número',
    postalCode: 'Cód. postal',
    city: 'Ciudad',
    stateOptional: 'Estado (opcional)',
    utensils: 'Incluir cubiertos y servilletas',
    when: 'Cuándo',
    asap: 'Lo antes posible',
    inMinutes: (minutes: number) => `En ${minutes} min`,
    today: 'Hoy',
    tomorrow: 'Mañana',
    // A no-break space: the two words stay together beside the time.
    at: 'a\u00a0las',
    notes: 'Notas del pedido (alergias, código de la puerta…)',
  },
);

/** The menu side: search, categories, results, and why there is no menu. */
export const MENU_TEXTS = translations(
  {
    title: 'Menu',
    find: 'Find on the menu',
    findHint: 'Type a name: burger, fries, large…',
    categories: 'Categories',
    all: 'All',
    noMatch: (query: string) => `Nothing on the menu matches “${query}”.`,
    results: 'Menu items',
    soldOut: 'Sold out',
    options: ' · options',
    from: (price: string) => `from ${price}`,
    notOnMenu: '+ Item not on the menu',
    noMenu: 'No menu is loaded in the connector yet: add items as free text with a price.',
    /** The menu did not load: our words, then why (the core's). */
    loadFailed: (why: string) => `Could not load the menu. ${why}`,
  },
  {
    title: 'Menú',
    find: 'Buscar en el menú',
    findHint: 'Escriba un nombre, tamaño o categoría…',
    categories: 'Categorías',
    all: 'Todo',
    noMatch: (query: string) => `Nada en el menú coincide con “${query}”.`,
    results: 'Productos del menú',
    soldOut: 'Agotado',
    options: ' · opciones',
    from: (price: string) => `desde ${price}`,
    notOnMenu: '+ Producto fuera del menú',
    noMenu: 'El conector aún no tiene menú: agregue productos como texto libre con precio.',
    loadFailed: (why: string) => `No se pudo cargar el menú. ${why}`,
  },
);

/** Choosing an item's size and options, or typing one that is not on the menu. */
export const CHOOSER_TEXTS = translations(
  {
    cancel: 'Cancel',
    size: 'Size',
    soldOut: 'Sold out',
    quantity: 'Quantity',
    oneLess: (now: number) => `One less (now ${now})`,
    oneMore: (now: number) => `One more (now ${now})`,
    note: 'Note for the kitchen',
    noteHint: 'e.g. no pickles, cut in half',
    stillToChoose: 'Still to choose:',
    add: 'Add',
    update: 'Update',
    freeTitle: 'Item not on the menu',
    freeName: 'What is it',
    freeNameMissing: 'Type what it is',
    freePrice: (currency: string) => `Price each (${currency})`,
    freePriceMissing: 'Type a price, e.g. 4.50',
  },
  {
    cancel: 'Cancelar',
    size: 'Tamaño',
    soldOut: 'Agotado',
    quantity: 'Cantidad',
    oneLess: (now: number) => `Uno menos (ahora ${now})`,
    oneMore: (now: number) => `Uno más (ahora ${now})`,
    note: 'Nota para la cocina',
    noteHint: 'p. ej. sin pepinillos, cortado a la mitad',
    stillToChoose: 'Falta elegir:',
    add: 'Agregar',
    update: 'Actualizar',
    freeTitle: 'Producto fuera del menú',
    freeName: 'Qué es',
    freeNameMissing: 'Escriba qué es',
    freePrice: (currency: string) => `Precio c/u (${currency})`,
    freePriceMissing: 'Escriba un precio, p. ej. 4.50',
  },
);

/** The ticket: its lines, the live totals, sending, and the connector's answer. */
export const TICKET_TEXTS = translations(
  {
    title: 'New order',
    startOver: 'Start over',
    empty: 'Nothing yet: search the menu on the left and tap an item.',
    lines: 'Items in this order',
    quantityOf: (name: string) => `Quantity of ${name}`,
    notOnMenu: ' · not on the menu',
    note: (note: string) => `Note: ${note}`,
    change: 'Change',
    changeLine: (name: string) => `Change ${name}`,
    remove: 'Remove',
    removeLine: (name: string) => `Remove ${name}`,
    subtotal: 'Subtotal',
    tax: 'Tax',
    total: 'Total',
    taxOnSending: 'added on sending',
    plusTax: (subtotal: string) => `${subtotal} + tax`,
    send: 'Send order',
    sending: 'Sending…',
    /** The order could not be taken: our words, then why (the core's). */
    notTaken: (why: string) => `The order was not taken. ${why}`,
    /** No answer came back: the connector may have taken it; sending again is safe (client key). */
    notConfirmed: (why: string) =>
      `${why} The order may already be taken: tap Send order again, it is never taken twice.`,
    /** The first try was taken (its answer was lost) and the draft changed since. */
    takenBeforeChange:
      'This order was already taken before your change (its answer was lost on the way): it is on the board as it was first sent. Start over and take only what was added, or cancel that order.',
    /** "Order MVXPZR taken", around the order's number. */
    takenBefore: 'Order',
    takenAfter: 'taken',
    open: 'Open order',
    ok: 'OK',
  },
  {
    title: 'Nuevo pedido',
    startOver: 'Empezar de nuevo',
    empty: 'Aún no hay nada: busque en el menú de la izquierda y toque un producto.',
    lines: 'Productos de este pedido',
    quantityOf: (name: string) => `Cantidad de ${name}`,
    notOnMenu: ' · fuera del menú',
    note: (note: string) => `Nota: ${note}`,
    change: 'Cambiar',
    changeLine: (name: string) => `Cambiar ${name}`,
    remove: 'Quitar',
    removeLine: (name: string) => `Quitar ${name}`,
    subtotal: 'Subtotal',
    tax: 'Impuesto',
    total: 'Total',
    taxOnSending: 'se suma al enviar',
    plusTax: (subtotal: string) => `${subtotal} + impuesto`,
    send: 'Enviar pedido',
    sending: 'Enviando…',
    notTaken: (why: string) => `No se registró el pedido. ${why}`,
    notConfirmed: (why: string) =>
      `${why} Puede que el pedido ya esté registrado: toque Enviar pedido otra vez, nunca se registra dos veces.`,
    takenBeforeChange:
      'Este pedido ya se registró antes de su cambio (la respuesta se perdió en el camino): está en el tablero tal como se envió primero. Empiece de nuevo y registre solo lo que se agregó, o cancele ese pedido.',
    takenBefore: 'Pedido',
    takenAfter: 'registrado',
    open: 'Abrir pedido',
    ok: 'OK',
  },
);
