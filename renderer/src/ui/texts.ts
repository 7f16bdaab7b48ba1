// Words of the shared kit (renderer/src/ui/): the manager PIN keypad and what a refused call
// says, in the terminal's language. Pure data, so the translation test can load it under Node.
import { translations } from '../i18n/texts.js';

export const PIN_TEXTS = translations(
  {
    title: 'Manager PIN',
    refused: 'The PIN was refused.',
    /** A refusal as staff read it: English shows the core's own words; other languages say the
     * known refusals (by their code) in their words, with the count the core gave. */
    refusedBecause: (_code: string, why: string) => why,
    deleteLabel: 'Delete last digit',
    deleteKey: 'Del',
    ok: 'OK',
    cancel: 'Cancel',
  },
  {
    title: 'PIN del gerente',
    refused: 'El PIN fue rechazado.',
    refusedBecause: (code: string, why: string) => {
      const n = /\d+/.exec(why)?.[0];
      switch (code) {
        case 'manager_pin_wrong':
          return `PIN incorrecto${n ? ` (${n === '1' ? 'queda 1 intento' : `quedan ${n} intentos`} antes de bloquearse)` : ''}`;
        case 'manager_pin_locked':
          return `Demasiados PIN incorrectos: bloqueado${n ? ` ${n} s más` : ' un momento'}`;
        case 'manager_pin_not_set':
          return 'Todavía no hay PIN del gerente: configúrelo primero en la pantalla Tienda';
        default:
          return `PIN rechazado: ${why}`;
      }
    },
    deleteLabel: 'Borrar el último dígito',
    // The backspace sign: the word does not fit the keypad's key (the label says it in words).
    deleteKey: '⌫',
    ok: 'OK',
    cancel: 'Cancelar',
  },
);

/** A refusal from the core in words, where the code says more than its message. */
export const EXPLAIN = translations(
  {
    windowClosed: 'Too late: the time to decide on this order has run out.',
    alreadyDecided: (what: string) => `Someone already decided: ${what}.`,
  },
  {
    windowClosed: 'Demasiado tarde: se acabó el tiempo para decidir sobre este pedido.',
    alreadyDecided: (what: string) => `Alguien ya decidió: ${what}.`,
  },
);
