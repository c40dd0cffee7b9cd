// German ("Sie"): every text of the English catalogue.
import type { Catalogue } from './en';

export const de: Catalogue = {
  untitled: 'Termin',
  'message.scheduled':
    'Ihr Termin „{title}“ bei {host} ist gebucht für {when}.\n\nZum Absagen, Verschieben oder Eintragen in Ihren Kalender: {link}',
  'message.rescheduled':
    'Ihr Termin „{title}“ bei {host} wurde verschoben, von {previous} auf {when}.\n\nZum Absagen, Verschieben oder Eintragen in Ihren Kalender: {link}',
  'message.rescheduledPlain':
    'Ihr Termin „{title}“ bei {host} wurde verschoben auf {when}.\n\nZum Absagen, Verschieben oder Eintragen in Ihren Kalender: {link}',
  'message.cancelled': 'Ihr Termin „{title}“ bei {host} am {when} ist abgesagt.\n\nEinen neuen Termin buchen: {link}',
  'message.reminder':
    'Erinnerung: Ihr Termin „{title}“ bei {host} ist am {when}.\n\nAntworten Sie 1 zum Bestätigen, 2 zum Absagen. Zum Verschieben oder Eintragen in Ihren Kalender: {link}',
  'message.reminderConfirmed':
    'Erinnerung: Ihr Termin „{title}“ bei {host} ist am {when}.\n\nSie haben ihn bestätigt. Zum Absagen, Verschieben oder Eintragen in Ihren Kalender: {link}',
  'button.confirm': 'Bestätigen',
  'button.cancel': 'Absagen',
  'reply.listEmpty': 'Sie haben in den nächsten 30 Tagen keine Termine bei {host}. Einen Termin buchen: {link}',
  'reply.listHeadingOne': 'Ihr Termin bei {host} in den nächsten 30 Tagen:',
  'reply.listHeadingMany': 'Ihre {count} Termine bei {host} in den nächsten 30 Tagen:',
  'reply.confirmedMark': 'bestätigt',
  'reply.listMore': '… und {count} weitere.',
  'reply.listHintOne':
    'Antworten Sie „absagen 1“, um ihn abzusagen, oder öffnen Sie den Link zum Verschieben. HILFE zeigt alles, was ich verstehe.',
  'reply.listHintMany':
    'Antworten Sie „absagen 2“, um den zweiten abzusagen, oder öffnen Sie einen Link zum Verschieben. HILFE zeigt alles, was ich verstehe.',
  'reply.help':
    'Dies ist die Terminnummer von {host}. Sie können antworten:\nTERMINE: Ihre Termine in den nächsten 30 Tagen\nABSAGEN 2: Termin 2 der Liste absagen\nBESTÄTIGEN 2: Termin 2 der Liste bestätigen (oder 1 nach einer Erinnerung)\nSTOPP: keine WhatsApp-Nachrichten mehr von uns; START: wieder Nachrichten erhalten\nSPRACHE EN: in einer anderen Sprache schreiben ({languages})\nAlles andere, was Sie schreiben, leite ich an {host} weiter.\nEinen neuen Termin buchen: {link}',
  'reply.stop': 'Sie erhalten keine WhatsApp-Nachrichten mehr zu Terminen bei {host}. Antworten Sie START, um sie wieder zu erhalten.',
  'reply.start':
    'Willkommen zurück: Sie erhalten wieder WhatsApp-Nachrichten zu Ihren Terminen bei {host}. Antworten Sie TERMINE, um sie zu sehen.',
  'reply.confirmed': 'Danke, „{title}“ am {when} ist bestätigt. {host} sieht das im Kalender.',
  'reply.noItems': 'Sie haben keine anstehenden Termine zur Auswahl.',
  'reply.noSuchItemOne': 'In Ihrer Liste gibt es keinen Termin {item}; sie enthält 1 Termin.',
  'reply.noSuchItemMany': 'In Ihrer Liste gibt es keinen Termin {item}; sie enthält {count} Termine.',
  'reply.whichCancel': 'Welchen? Antworten Sie „absagen 1“, „absagen 2“ … mit der Nummer aus dieser Liste.',
  'reply.whichConfirm': 'Welchen? Antworten Sie „bestätigen 1“, „bestätigen 2“ … mit der Nummer aus dieser Liste.',
  'reply.listForgottenCancel':
    'Ich weiß nicht mehr, welche Liste Sie meinen, daher wurde nichts geändert. Hier ist Ihre aktuelle Liste: Antworten Sie noch einmal „absagen {item}“, wenn Sie diese meinen.',
  'reply.listForgottenConfirm':
    'Ich weiß nicht mehr, welche Liste Sie meinen, daher wurde nichts geändert. Hier ist Ihre aktuelle Liste: Antworten Sie noch einmal „bestätigen {item}“, wenn Sie diese meinen.',
  'reply.notCurrent': 'Termin {item} der Liste, die Sie erhalten haben, steht nicht mehr bevor, daher wurde nichts geändert.',
  'reply.forwarded': 'Danke, ich habe Ihre Nachricht an {host} weitergeleitet. Antworten Sie TERMINE, um Ihre Termine zu sehen.',
  'reply.media':
    'Danke, ich habe es an {host} weitergeleitet. Ich selbst kann nur Text lesen: Antworten Sie TERMINE für Ihre Termine oder HILFE für mehr.',
  'reply.empty': 'Ihre Nachricht war leer. Antworten Sie TERMINE für Ihre Termine oder HILFE für mehr.',
  'reply.slowDown':
    'Sie senden sehr schnell Nachrichten, daher antworte ich einige Minuten lang nicht. Ihre Nachrichten bleiben für den Gastgeber erhalten.',
  'reply.busy': 'Entschuldigung, ich bin gerade beschäftigt. Bitte senden Sie Ihre Nachricht in einer Minute noch einmal.',
  'reply.notYours':
    'Diese Schaltfläche gehört zu einem Termin, der nicht mehr aktuell ist. Antworten Sie TERMINE, um Ihre Termine zu sehen.',
  'reply.cancelFailed': 'Das hat leider nicht geklappt. Es wurde nichts geändert. Bitte nutzen Sie den Link in Ihrer Terminnachricht.',
  'reply.languageSet': 'Ab jetzt schreibe ich Ihnen auf Deutsch. Antworten Sie TERMINE, um Ihre Termine zu sehen.',
  'reply.languageUnknown': 'In dieser Sprache kann ich noch nicht schreiben. Antworten Sie SPRACHE mit einer von: {languages}.',
};
