// Words of the store controls: the manager PIN keypad, pause / resume, busy mode and the 86 list,
// in the terminal's language. Pure data, so the translation test can load it under Node.
import type { CatalogObjectType } from '../../../../shared/store.js';
import { translations } from '../../i18n/texts.js';

export const STORE_TEXTS = translations(
  {
    title: 'Store',
    loading: "Loading the store's status…",
    /** A change that did not go through: what was tried, then why (the core's words). */
    failed: (what: string, why: string) => `${what} failed. ${why}`,
    resumed: 'Store resumed',
    resumePrompt: 'Resume taking orders',
    resume: 'Resume orders',
    pauseTitle: 'Pause new orders',
    reason: 'Reason',
    /** Why the store pauses: staff pick one, and it is sent in the language on screen. */
    reasons: {
      tooBusy: 'Too busy',
      kitchen: 'Kitchen problem',
      staff: 'Short of staff',
      closingEarly: 'Closing early',
    },
    pauseFor: {
      minutes: (n: number) => `${n} min`,
      hour: '1 hour',
      restOfDay: 'Rest of today',
      untilResumed: 'Until I resume',
    },
    paused: (duration: string) => `Store paused (${duration.toLowerCase()})`,
    pausePrompt: (duration: string) => `Pause orders: ${duration.toLowerCase()}`,
    busyTitle: 'Busy mode',
    prepBefore: 'New orders are quoted',
    prepMinutes: (n: number) => `${n} min`,
    /** After the quoted minutes: the busy-mode extra and until when, then the full stop. */
    prepAfter: (extra: number | null, until: string | null) =>
      ` prep time${extra === null ? '' : ` (+${extra} min busy${until ? ` until ${until}` : ''})`}.`,
    busyStep: (m: number) => `+${m} min for 1 h`,
    busySet: (m: number) => `Busy mode: +${m} min`,
    busyOff: 'Busy mode off',
    off: 'Off',
    headline: {
      open: 'OPEN — taking orders',
      closed: (opens: string | null) =>
        `CLOSED by opening hours${opens ? ` — opens ${opens}` : ''}`,
      paused: (until: string | null, reason: string | null) =>
        `PAUSED ${until ? `until ${until}` : 'until someone resumes'}${reason ? ` — ${reason}` : ''}`,
    },
    stream: {
      untold: 'Stream has not been told anything yet.',
      confirmed: (open: boolean) => `Stream confirmed: ${open ? 'open' : 'paused'}.`,
      failed: (error: string | null) => `Stream was NOT told (${error ?? 'failed'}). Check Health.`,
      telling: (attempt: number) => `Telling Stream… (attempt ${attempt})`,
    },
  },
  {
    title: 'Tienda',
    loading: 'Cargando el estado de la tienda…',
    failed: (what: string, why: string) => `Falló: ${what}. ${why}`,
    resumed: 'Tienda reanudada',
    resumePrompt: 'Volver a recibir pedidos',
    resume: 'Reanudar pedidos',
    pauseTitle: 'Pausar pedidos nuevos',
    reason: 'Motivo',
    reasons: {
      tooBusy: 'Muy ocupados',
      kitchen: 'Problema en cocina',
      staff: 'Falta personal',
      closingEarly: 'Cierre anticipado',
    },
    pauseFor: {
      minutes: (n: number) => `${n} min`,
      hour: '1 hora',
      restOfDay: 'Resto del día',
      untilResumed: 'Hasta que la reanude',
    },
    paused: (duration: string) => `Tienda pausada (${duration.toLowerCase()})`,
    pausePrompt: (duration: string) => `Pausar pedidos: ${duration.toLowerCase()}`,
    busyTitle: 'Modo ocupado',
    prepBefore: 'Tiempo de preparación para pedidos nuevos:',
    prepMinutes: (n: number) => `${n}\u00a0min`,
    prepAfter: (extra: number | null, until: string | null) =>
      extra === null
        ? '.'
        : ` (+${extra} min por modo ocupado${until ? ` hasta las ${until}` : ''}).`,
    busyStep: (m: number) => `+${m} min por 1 h`,
    busySet: (m: number) => `Modo ocupado: +${m} min`,
    busyOff: 'Modo ocupado desactivado',
    off: 'Desactivar',
    headline: {
      open: 'ABIERTA — recibiendo pedidos',
      closed: (opens: string | null) =>
        `CERRADA por horario${opens ? ` — abre a las ${opens}` : ''}`,
      paused: (until: string | null, reason: string | null) =>
        `PAUSADA ${until ? `hasta las ${until}` : 'hasta que alguien la reanude'}${reason ? ` — ${reason}` : ''}`,
    },
    stream: {
      untold: 'Todavía no se le ha avisado nada a Stream.',
      confirmed: (open: boolean) => `Stream confirmó: ${open ? 'abierta' : 'pausada'}.`,
      failed: (error: string | null) =>
        `NO se le avisó a Stream (${error ?? 'falló'}). Revise la pantalla Estado.`,
      telling: (attempt: number) => `Avisando a Stream… (intento ${attempt})`,
    },
  },
);

export const SOLD_OUT_TEXTS = translations(
  {
    title: 'Sold out (86)',
    loadFailed: (why: string) => `Could not load the 86 list. ${why}`,
    allAvailable: 'Everything on the menu is available.',
    soldOutNow: 'Sold out now',
    backOnAt: (time: string) => `back on ${time}`,
    untilBackOn: 'until turned back on',
    by: (who: string) => ` · by ${who}`,
    backOn: 'Back on',
    backOnDone: (name: string) => `${name} back on`,
    search: 'Find a menu item or option',
    searchHint: 'e.g. fries, oat milk',
    results: 'Menu search results',
    type: {
      item_family: 'item family',
      item: 'item',
      modifier: 'modifier',
    } satisfies Record<CatalogObjectType, string>,
    durations: {
      restOfDay: 'Rest of today',
      hour: '1 hour',
      untilBackOn: 'Until back on',
    },
    soldOut: (name: string, duration: string) => `86 ${name}: ${duration.toLowerCase()}`,
    restored: (n: number) => `Turned back on by timers (${n})`,
    restoredAt: (name: string, time: string) => `${name} at ${time}`,
    checked: (time: string) => `Checked ${time}`,
  },
  {
    title: 'Agotado (86)',
    loadFailed: (why: string) => `No se pudo cargar la lista de agotados. ${why}`,
    allAvailable: 'Todo el menú está disponible.',
    soldOutNow: 'Agotado ahora',
    backOnAt: (time: string) => `vuelve a las ${time}`,
    untilBackOn: 'hasta reactivarlo',
    by: (who: string) => ` · por ${who}`,
    backOn: 'Reactivar',
    backOnDone: (name: string) => `${name} disponible de nuevo`,
    search: 'Buscar un producto u opción del menú',
    searchHint: 'p. ej. papas fritas, leche de avena',
    results: 'Resultados de la búsqueda en el menú',
    type: {
      item_family: 'familia de productos',
      item: 'producto',
      modifier: 'modificador',
    },
    durations: {
      restOfDay: 'Resto del día',
      hour: '1 hora',
      untilBackOn: 'Hasta reactivarlo',
    },
    soldOut: (name: string, duration: string) => `86 ${name}: ${duration.toLowerCase()}`,
    restored: (n: number) => `Reactivados por temporizador (${n})`,
    restoredAt: (name: string, time: string) => `${name} a las ${time}`,
    checked: (time: string) => `Actualizado a las ${time}`,
  },
);

/** The first manager PIN, set at the counter, and the banners about the PIN. */
export const PIN_SETUP_TEXTS = translations(
  {
    title: 'Set the manager PIN',
    why: 'No manager PIN is set yet. Pausing the store, 86ing items, replacing the menu and changing settings all need one.',
    pin: 'New manager PIN (4 to 12 digits)',
    repeat: 'Type it again',
    mismatch: 'The two PINs are not the same: type them again.',
    tooShort: 'The PIN needs 4 to 12 digits.',
    code: 'Setup code',
    /** Desktop: the code for setting the PIN from a browser instead. */
    codeHere: 'Setting it from a browser instead? It asks for this one-time setup code:',
    /** Browser: where the code is. */
    codeWhere:
      'Type the 6-digit setup code shown on the counter: in the desktop app on this screen, or in the window where the connector was started (the line "Manager PIN setup code").',
    save: 'Set the PIN',
    saving: 'Setting…',
    /** The core's refusal: English shows its words; other languages say the known ones. */
    refused: (_code: string, why: string) => why,
    done: 'Manager PIN set. Keep it among managers.',
    bannerNotSet: 'No manager PIN is set yet.',
    bannerNotSetTodo: 'Set one now: pausing the store and 86ing items need it.',
    setUp: 'Set the PIN',
    /** Lockouts in a row since the last right PIN. */
    bannerLocked: (count: number, at: string) =>
      `The manager PIN was locked ${count === 1 ? 'once' : `${count} times in a row`} after wrong PINs (last at ${at}).`,
    lockedUntil: (until: string) => ` It stays locked until ${until}`,
    bannerLockedTodo:
      'If no manager typed them, someone is guessing the PIN: check who can use the counter and the Local API, then change the PIN. The right PIN clears this notice.',
  },
  {
    title: 'Configurar el PIN del gerente',
    why: 'Todavía no hay PIN del gerente. Pausar la tienda, marcar productos agotados, reemplazar el menú y cambiar la configuración lo necesitan.',
    pin: 'Nuevo PIN del gerente (de 4 a 12 dígitos)',
    repeat: 'Escríbalo otra vez',
    mismatch: 'Los dos PIN no coinciden: escríbalos otra vez.',
    tooShort: 'El PIN necesita de 4 a 12 dígitos.',
    code: 'Código de configuración',
    codeHere: '¿Lo configura desde un navegador? Le pedirá este código de un solo uso:',
    codeWhere:
      'Escriba el código de 6 dígitos que muestra el mostrador: en la aplicación de escritorio en esta pantalla, o en la ventana donde se inició el conector (la línea "Manager PIN setup code").',
    save: 'Configurar el PIN',
    saving: 'Configurando…',
    refused: (code: string, why: string) => {
      const seconds = /(\d+) s\b/.exec(why)?.[1];
      switch (code) {
        case 'setup_code_required':
          return 'Falta el código de configuración que muestra el mostrador.';
        case 'setup_code_wrong':
          return why.includes('new one')
            ? `Código incorrecto demasiadas veces: el mostrador muestra uno nuevo${seconds ? `, que sirve en ${seconds} s` : ''}.`
            : 'Código de configuración incorrecto: escriba el que muestra el mostrador.';
        case 'setup_code_locked':
          return `Demasiados códigos incorrectos: inténtelo de nuevo${seconds ? ` en ${seconds} s` : ' en un momento'} con el código nuevo del mostrador, o configure el PIN en el mostrador.`;
        case 'manager_pin_already_set':
          return 'Ya hay un PIN del gerente.';
        default:
          return why;
      }
    },
    done: 'PIN del gerente configurado. Compártalo solo entre gerentes.',
    bannerNotSet: 'Todavía no hay PIN del gerente.',
    bannerNotSetTodo: 'Configúrelo ahora: pausar la tienda y marcar agotados lo necesitan.',
    setUp: 'Configurar el PIN',
    bannerLocked: (count: number, at: string) =>
      `El PIN del gerente se bloqueó ${count === 1 ? 'una vez' : `${count} veces seguidas`} por PIN incorrectos (la última a las ${at}).`,
    lockedUntil: (until: string) => ` Sigue bloqueado hasta las ${until}`,
    bannerLockedTodo:
      'Si no fue un gerente, alguien está intentando adivinar el PIN: revise quién puede usar el mostrador y la API local, y cambie el PIN. El PIN correcto quita este aviso.',
  },
);
