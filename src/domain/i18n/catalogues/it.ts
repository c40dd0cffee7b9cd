// Italian ("Lei"): every text of the English catalogue.
import type { Catalogue } from './en';

export const it: Catalogue = {
  untitled: 'Appuntamento',
  'message.scheduled':
    'Il Suo appuntamento «{title}» con {host} è fissato per {when}.\n\nPer annullarlo, spostarlo o aggiungerlo al Suo calendario: {link}',
  'message.rescheduled':
    'Il Suo appuntamento «{title}» con {host} è stato spostato da {previous} a {when}.\n\nPer annullarlo, spostarlo o aggiungerlo al Suo calendario: {link}',
  'message.rescheduledPlain':
    'Il Suo appuntamento «{title}» con {host} è stato spostato a {when}.\n\nPer annullarlo, spostarlo o aggiungerlo al Suo calendario: {link}',
  'message.cancelled':
    'Il Suo appuntamento «{title}» con {host}, previsto per {when}, è stato annullato.\n\nPer prenotare un nuovo orario: {link}',
  'message.reminder':
    'Promemoria: il Suo appuntamento «{title}» con {host} è {when}.\n\nRisponda 1 per confermare, 2 per annullare. Per spostarlo o aggiungerlo al Suo calendario: {link}',
  'message.reminderConfirmed':
    'Promemoria: il Suo appuntamento «{title}» con {host} è {when}.\n\nLo ha già confermato. Per annullarlo, spostarlo o aggiungerlo al Suo calendario: {link}',
  'button.confirm': 'Conferma',
  'button.cancel': 'Annulla',
  'reply.listEmpty': 'Non ha appuntamenti con {host} nei prossimi 30 giorni. Per prenotarne uno: {link}',
  'reply.listHeadingOne': 'Il Suo appuntamento con {host} nei prossimi 30 giorni:',
  'reply.listHeadingMany': 'I Suoi {count} appuntamenti con {host} nei prossimi 30 giorni:',
  'reply.confirmedMark': 'confermato',
  'reply.listMore': '… e altri {count}.',
  'reply.listHintOne': 'Risponda «annulla 1» per annullarlo, oppure apra il link per spostarlo. AIUTO mostra tutto ciò che capisco.',
  'reply.listHintMany':
    'Risponda «annulla 2» per annullare il secondo, oppure apra un link per spostarlo. AIUTO mostra tutto ciò che capisco.',
  'reply.help':
    'Questo è il numero per gli appuntamenti di {host}. Può rispondere:\nELENCO: i Suoi appuntamenti nei prossimi 30 giorni\nANNULLA 2: annullare l’appuntamento 2 dell’elenco\nCONFERMA 2: confermare l’appuntamento 2 dell’elenco (o 1 dopo un promemoria)\nSTOP: non ricevere più messaggi WhatsApp; AVVIA: riceverli di nuovo\nLINGUA EN: scriverLe in un’altra lingua ({languages})\nQualsiasi altra cosa scriva viene inoltrata a {host}.\nPer prenotare un nuovo orario: {link}',
  'reply.stop': 'Non riceverà più messaggi WhatsApp sugli appuntamenti con {host}. Risponda AVVIA per riceverli di nuovo.',
  'reply.start': 'Bentornato: riceverà di nuovo i messaggi WhatsApp sui Suoi appuntamenti con {host}. Risponda ELENCO per vederli.',
  'reply.confirmed': 'Grazie: «{title}», {when}, è confermato. {host} lo vedrà nel calendario.',
  'reply.noItems': 'Non ha appuntamenti in programma tra cui scegliere.',
  'reply.noSuchItemOne': 'Nel Suo elenco non c’è un appuntamento {item}; ne contiene 1.',
  'reply.noSuchItemMany': 'Nel Suo elenco non c’è un appuntamento {item}; ne contiene {count}.',
  'reply.whichCancel': 'Quale? Risponda «annulla 1», «annulla 2» … con il numero di questo elenco.',
  'reply.whichConfirm': 'Quale? Risponda «conferma 1», «conferma 2» … con il numero di questo elenco.',
  'reply.listForgottenCancel':
    'Non so più a quale elenco si riferisce, quindi non è stato cambiato nulla. Ecco il Suo elenco attuale: risponda di nuovo «annulla {item}» se è quello giusto.',
  'reply.listForgottenConfirm':
    'Non so più a quale elenco si riferisce, quindi non è stato cambiato nulla. Ecco il Suo elenco attuale: risponda di nuovo «conferma {item}» se è quello giusto.',
  'reply.notCurrent': 'L’appuntamento {item} dell’elenco che ha ricevuto non è più in programma, quindi non è stato cambiato nulla.',
  'reply.forwarded': 'Grazie, ho inoltrato il Suo messaggio a {host}. Risponda ELENCO per vedere i Suoi appuntamenti.',
  'reply.media': 'Grazie, l’ho inoltrato a {host}. Io so leggere solo testo: risponda ELENCO per i Suoi appuntamenti o AIUTO per altro.',
  'reply.empty': 'Il Suo messaggio era vuoto. Risponda ELENCO per i Suoi appuntamenti o AIUTO per altro.',
  'reply.slowDown':
    'Sta inviando messaggi molto rapidamente, quindi per qualche minuto non risponderò. I Suoi messaggi vengono conservati.',
  'reply.busy': 'Mi scusi, sono occupato un momento. Invii di nuovo il messaggio tra un minuto.',
  'reply.notYours': 'Quel pulsante appartiene a un appuntamento non più attuale. Risponda ELENCO per vedere i Suoi appuntamenti.',
  'reply.cancelFailed': 'Purtroppo non ha funzionato. Non è stato cambiato nulla. Usi il link nel messaggio del Suo appuntamento.',
  'reply.languageSet': 'D’ora in poi Le scriverò in italiano. Risponda ELENCO per vedere i Suoi appuntamenti.',
  'reply.languageUnknown': 'Non so ancora scrivere in questa lingua. Risponda LINGUA con una di queste: {languages}.',
};
