// Whether Stream has what staff told it: the words of the delivery badge, the detail's list of
// events and the red "Stream has probably canceled" warning. Data only.
import { translations } from '../../i18n/texts.js';

export const DELIVERY_TEXTS = translations(
  {
    kind: {
      'order.accepted': 'Accept',
      'order.rejected': 'Reject',
      'order.status.updated': 'Status',
      'order.canceled': 'Cancel',
      'order.created': 'New order',
      'location.status.updated': 'Store status',
      other: 'Message',
    },
    sent: (time: string) => `Stream has it ✓ ${time}`,
    sentLate: (time: string) => `Stream got it late, at ${time}`,
    sending: (attempt: number, seconds: number) =>
      attempt === 0
        ? 'Telling Stream…'
        : `Telling Stream… attempt ${attempt}, next try in ${seconds} s`,
    notReceived: 'NOT received by Stream',
    withdrawn: 'Not sent: Stream withdrew this order',
    withdrawnTodo:
      'Stream failed it because the store did not answer in time, and told the customer it was not accepted. Do not make it; if it is already made, set it aside. Nothing to retry.',
    why: {
      late: 'Stream’s 60-second window closed first.',
      refused: (error: string) => `Stream refused it or we gave up: ${error}`,
      stuck: (attempt: number, error: string) => `Still trying (attempt ${attempt}): ${error}`,
    },
    noError: 'no answer',
    retry: 'Retry now',
    retrying: 'Sending again…',
    retryFailed: (why: string) => `Could not send again: ${why}`,
    listTitle: 'Messages to Stream',
    atRisk: {
      title: 'Stream has probably canceled this order',
      body: 'Stream did not get the accept inside its 60-second window. Do not cook it until Stream confirms.',
      // A row in progress has room for two lines: the rest is in its details, a tap away.
      short: 'Do not cook it until Stream confirms. What to do: open the order (tap its number).',
      todo: 'What to do: check the order on the delivery app’s tablet or website (or call its support). Cook it only if it shows there as accepted; if it was canceled it will show here as canceled. Then fix the connection to Stream (Health screen).',
    },
  },
  {
    kind: {
      'order.accepted': 'Aceptación',
      'order.rejected': 'Rechazo',
      'order.status.updated': 'Estado',
      'order.canceled': 'Cancelación',
      'order.created': 'Pedido nuevo',
      'location.status.updated': 'Estado de la tienda',
      other: 'Mensaje',
    },
    sent: (time: string) => `Stream lo tiene ✓ ${time}`,
    sentLate: (time: string) => `Stream lo recibió tarde, a las ${time}`,
    sending: (attempt: number, seconds: number) =>
      attempt === 0
        ? 'Avisando a Stream…'
        : `Avisando a Stream… intento ${attempt}, próximo en ${seconds} s`,
    notReceived: 'Stream NO lo ha recibido',
    withdrawn: 'No enviado: Stream retiró este pedido',
    withdrawnTodo:
      'Stream lo dio por fallido porque la tienda no respondió a tiempo, y le dijo al cliente que no fue aceptado. No lo prepare; si ya está hecho, apártelo. No hay nada que reintentar.',
    why: {
      late: 'La ventana de 60 segundos de Stream se cerró antes.',
      refused: (error: string) => `Stream lo rechazó o dejamos de intentarlo: ${error}`,
      stuck: (attempt: number, error: string) =>
        `Seguimos intentando (intento ${attempt}): ${error}`,
    },
    noError: 'sin respuesta',
    retry: 'Reintentar ahora',
    retrying: 'Enviando de nuevo…',
    retryFailed: (why: string) => `No se pudo enviar de nuevo: ${why}`,
    listTitle: 'Mensajes a Stream',
    atRisk: {
      title: 'Es probable que Stream haya cancelado este pedido',
      body: 'Stream no recibió la aceptación dentro de su ventana de 60 segundos. No lo cocine hasta que Stream lo confirme.',
      short:
        'No lo cocine hasta que Stream lo confirme. Qué hacer: abra el pedido (toque su número).',
      todo: 'Qué hacer: revise el pedido en la tableta o la web de la app de reparto (o llame a su soporte). Cocínelo solo si allí aparece aceptado; si se canceló, aquí aparecerá cancelado. Después arregle la conexión con Stream (pantalla Estado).',
    },
  },
);
