// Spanish (neutral, "usted"): every text of the English catalogue.
import type { Catalogue } from './en';

export const es: Catalogue = {
  untitled: 'Cita',
  'message.scheduled':
    'Su cita "{title}" con {host} está reservada para el {when}.\n\nPara cancelarla, cambiarla o añadirla a su calendario: {link}',
  'message.rescheduled':
    'Su cita "{title}" con {host} ha cambiado del {previous} al {when}.\n\nPara cancelarla, cambiarla o añadirla a su calendario: {link}',
  'message.rescheduledPlain':
    'Su cita "{title}" con {host} ha cambiado al {when}.\n\nPara cancelarla, cambiarla o añadirla a su calendario: {link}',
  'message.cancelled': 'Su cita "{title}" con {host} del {when} ha sido cancelada.\n\nPara reservar una nueva hora: {link}',
  'message.reminder':
    'Recordatorio: su cita "{title}" con {host} es el {when}.\n\nResponda 1 para confirmar o 2 para cancelar. Para cambiarla o añadirla a su calendario: {link}',
  'message.reminderConfirmed':
    'Recordatorio: su cita "{title}" con {host} es el {when}.\n\nYa la ha confirmado. Para cancelarla, cambiarla o añadirla a su calendario: {link}',
  'button.confirm': 'Confirmar',
  'button.cancel': 'Cancelar',
  'reply.listEmpty': 'No tiene citas con {host} en los próximos 30 días. Para reservar una: {link}',
  'reply.listHeadingOne': 'Su cita con {host} en los próximos 30 días:',
  'reply.listHeadingMany': 'Sus {count} citas con {host} en los próximos 30 días:',
  'reply.confirmedMark': 'confirmada',
  'reply.listMore': '… y {count} más.',
  'reply.listHintOne': 'Responda "cancelar 1" para cancelarla, o abra el enlace para cambiarla. AYUDA muestra todo lo que entiendo.',
  'reply.listHintMany':
    'Responda "cancelar 2" para cancelar la segunda, o abra un enlace para cambiarla. AYUDA muestra todo lo que entiendo.',
  'reply.help':
    'Este es el número de citas de {host}. Puede responder:\nLISTA: sus citas en los próximos 30 días\nCANCELAR 2: cancelar la cita 2 de la lista\nCONFIRMAR 2: confirmar la cita 2 de la lista (o 1 tras un recordatorio)\nBAJA: no recibir más mensajes de WhatsApp; ALTA: volver a recibirlos\nIDIOMA EN: escribirle en otro idioma ({languages})\nCualquier otra cosa que escriba se la pasaré a {host}.\nPara reservar una nueva hora: {link}',
  'reply.stop': 'Ya no recibirá mensajes de WhatsApp sobre sus citas con {host}. Responda ALTA para volver a recibirlos.',
  'reply.start': 'Bienvenido de nuevo: volverá a recibir mensajes de WhatsApp sobre sus citas con {host}. Responda LISTA para verlas.',
  'reply.confirmed': 'Gracias, "{title}" el {when} queda confirmada. {host} lo verá en su calendario.',
  'reply.noItems': 'No tiene próximas citas entre las que elegir.',
  'reply.noSuchItemOne': 'No hay ninguna cita {item} en su lista; tiene 1 cita.',
  'reply.noSuchItemMany': 'No hay ninguna cita {item} en su lista; tiene {count} citas.',
  'reply.whichCancel': '¿Cuál? Responda "cancelar 1", "cancelar 2" … con el número de esta lista.',
  'reply.whichConfirm': '¿Cuál? Responda "confirmar 1", "confirmar 2" … con el número de esta lista.',
  'reply.listForgottenCancel':
    'Ya no sé a qué lista se refiere, así que no se ha cambiado nada. Esta es su lista actual: responda de nuevo "cancelar {item}" si es la que quiere decir.',
  'reply.listForgottenConfirm':
    'Ya no sé a qué lista se refiere, así que no se ha cambiado nada. Esta es su lista actual: responda de nuevo "confirmar {item}" si es la que quiere decir.',
  'reply.notCurrent': 'La cita {item} de la lista que se le mostró ya no está próxima, así que no se ha cambiado nada.',
  'reply.forwarded': 'Gracias, he pasado su mensaje a {host}. Responda LISTA para ver sus citas.',
  'reply.media': 'Gracias, se lo he pasado a {host}. Yo solo puedo leer texto: responda LISTA para ver sus citas o AYUDA para más.',
  'reply.empty': 'Su mensaje estaba vacío. Responda LISTA para ver sus citas o AYUDA para más.',
  'reply.slowDown':
    'Está enviando mensajes muy rápido, así que no responderé durante unos minutos. Sus mensajes se guardan para el anfitrión.',
  'reply.busy': 'Disculpe, estoy ocupado un momento. Vuelva a enviar su mensaje dentro de un minuto.',
  'reply.notYours': 'Ese botón pertenece a una cita que ya no está vigente. Responda LISTA para ver sus citas.',
  'reply.cancelFailed': 'Lo sentimos, no ha funcionado. No se ha cambiado nada. Use el enlace de su mensaje de la cita.',
  'reply.languageSet': 'A partir de ahora le escribiré en español. Responda LISTA para ver sus citas.',
  'reply.languageUnknown': 'Todavía no puedo escribir en ese idioma. Responda IDIOMA con uno de estos: {languages}.',
};
