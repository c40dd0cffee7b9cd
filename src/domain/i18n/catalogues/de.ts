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
  'page.bookNewTime': 'Neuen Termin buchen',
  'page.badLinkTitle': 'Dieser Link funktioniert nicht',
  'page.badLinkText':
    'Er ist vielleicht unvollständig oder veraltet. Es wurde nichts geändert. Bitte öffnen Sie den Link in Ihrer neuesten WhatsApp-Nachricht von {host}, antworten Sie auf diese Nachricht oder buchen Sie einen neuen Termin.',
  'page.cancelledTitle': 'Dieser Termin ist abgesagt',
  'page.cancelledText':
    '„{title}“ bei {host} am {when} ist abgesagt. Sie müssen nichts weiter tun. Wenn Sie zu einer anderen Zeit kommen möchten, buchen Sie einen neuen Termin.',
  'page.overTitle': 'Dieser Termin ist vorbei',
  'page.overText':
    '„{title}“ bei {host} war am {when}. Für ein neues Treffen buchen Sie einen neuen Termin oder antworten Sie auf Ihre WhatsApp-Nachricht.',
  'page.startedNote': 'Dieser Termin hat schon begonnen und kann hier nicht mehr geändert werden.',
  'page.sharedNote':
    'An diesem Termin nehmen weitere Personen teil, daher kann er hier nicht geändert werden. Bitte antworten Sie auf Ihre WhatsApp-Nachricht, um {host} zu fragen.',
  'page.booked': 'Gebucht',
  'page.withHost': 'bei {host}',
  'page.reschedule': 'Verschieben',
  'page.cancel': 'Absagen',
  'page.addToCalendar': 'In den Kalender',
  'page.cancelQuestion': 'Diesen Termin absagen?',
  'page.cancelExplain':
    '{host} sieht, dass er aus dem Kalender verschwindet, und Sie erhalten eine WhatsApp-Nachricht, die die Absage bestätigt.',
  'page.yesCancel': 'Ja, absagen',
  'page.keep': 'Nein, behalten',
  'page.pickNewTime': 'Neue Zeit wählen',
  'page.yesMove': 'Ja, verschieben',
  'page.back': 'Zurück',
  'page.noSlotsAppointment':
    'In den nächsten Wochen ist keine Zeit frei. Bitte antworten Sie auf Ihre WhatsApp-Nachricht, um mit {host} eine Zeit zu finden.',
  'page.language': 'Sprache',
  'page.sameLocalTime': 'Das ist auch Ihre Ortszeit ({zone}).',
  'page.yourTime': 'Ihre Zeit ({zone}): {when}',
  'page.zonesHost': 'Zeiten in {zone}.',
  'page.zonesBoth': 'Zeiten in {hostZone} (Ihr Gastgeber); das Kleingedruckte zeigt Ihre Zeit in {viewerZone}.',
  'page.lookingUp': 'Freie Zeiten werden gesucht…',
  'page.yourSlot': 'bei Ihnen {time}',
  'page.moveQuestion': 'Ihren Termin auf {when} verschieben?',
  'page.cancelling': 'Wird abgesagt…',
  'page.cancelledStatus': 'Abgesagt',
  'page.moving': 'Wird verschoben…',
  'page.somethingWrong': 'Etwas ist schiefgegangen.',
  'page.bookTitle': 'Termin buchen',
  'page.bookIntro': 'bei {host}, {minutes} Minuten. Wählen Sie eine Zeit und sagen Sie uns dann, wer Sie sind.',
  'page.yourDetails': 'Ihre Angaben',
  'page.yourName': 'Ihr Name',
  'page.whatsappNumber': 'WhatsApp-Nummer',
  'page.phoneHintCountry': 'Mit Ländervorwahl, etwa +49 151 23456789; Nummern ohne Vorwahl gelten als Nummern aus {country}.',
  'page.phoneHint': 'Mit Ländervorwahl, etwa +49 151 23456789.',
  'page.phoneArrives': 'Die Bestätigung und Ihr Link zum Absagen oder Verschieben kommen per WhatsApp.',
  'page.email': 'E-Mail (optional)',
  'page.bookThisTime': 'Diese Zeit buchen',
  'page.youAreBooked': 'Sie sind gebucht',
  'page.seeAppointment': 'Ihren Termin ansehen',
  'page.noSlotsBooking': 'In den nächsten Wochen ist keine Zeit frei. Bitte wenden Sie sich direkt an {host}.',
  'page.booking': 'Wird gebucht…',
  'page.bookedDone': 'Gebucht: {when}. Sie erhalten eine WhatsApp-Nachricht mit den Einzelheiten.',
  'page.slotTaken': 'Diese Zeit wurde gerade vergeben. Bitte wählen Sie eine andere.',
  'page.badLink': 'Dieser Link funktioniert nicht. Bitte nutzen Sie den Link in Ihrer neuesten WhatsApp-Nachricht.',
  'page.cancelledCannotChange':
    'Dieser Termin ist abgesagt und kann nicht mehr geändert werden. Sie können stattdessen einen neuen Termin buchen.',
  'page.endedCannotChange':
    'Dieser Termin ist vorbei und kann nicht mehr geändert werden. Sie können stattdessen einen neuen Termin buchen.',
  'page.cancelResult': 'Ihr Termin ist abgesagt. {host} weiß Bescheid, und eine WhatsApp-Nachricht bestätigt es.',
  'page.alreadyCancelled': 'Dieser Termin ist bereits abgesagt. Sie müssen nichts weiter tun.',
  'page.cannotMove':
    'Dieser Termin kann hier nicht verschoben werden. Bitte antworten Sie auf Ihre WhatsApp-Nachricht, um {host} zu fragen.',
  'page.alreadyAtTime': 'Ihr Termin ist bereits zu dieser Zeit.',
  'page.movedResult': 'Verschoben auf {when}. Eine WhatsApp-Nachricht bestätigt die neue Zeit.',
  'page.busy': 'Gerade wird eine andere Änderung bearbeitet. Bitte versuchen Sie es gleich noch einmal.',
  'page.seriesMember': 'Teil einer Terminserie: {rule}. Absagen oder Verschieben hier ändert nur diesen Termin.',
  'page.seriesNext': 'Nächste Termine',
  'page.seriesPick': 'Öffnen Sie einen Termin, um nur diesen abzusagen oder zu verschieben.',
  'page.seriesNone':
    'In den nächsten Wochen gibt es keinen Termin dieser Serie. Um die Serie zu ändern, antworten Sie auf Ihre WhatsApp-Nachricht und fragen Sie {host}.',
  'page.seriesCannotChange':
    'Dieser Link gilt für die ganze Serie. Um einen Termin abzusagen oder zu verschieben, öffnen Sie einen ihrer Termine auf dieser Seite.',
  // Recurring appointments: a series in words, and the messages about a whole series.
  'recurrence.daily': 'jeden Tag',
  'recurrence.everyNDays': 'alle {n} Tage',
  'recurrence.weekly': 'jeden {days}',
  'recurrence.everyNWeeks': 'alle {n} Wochen am {days}',
  'recurrence.monthlyDay': 'jeden Monat am {day}.',
  'recurrence.everyNMonthsDay': 'alle {n} Monate am {day}.',
  'recurrence.monthlyWeekday': 'jeden Monat am {ordinal} {weekday}',
  'recurrence.everyNMonthsWeekday': 'alle {n} Monate am {ordinal} {weekday}',
  'recurrence.yearly': 'jedes Jahr am {date}',
  'recurrence.ordinal1': 'ersten',
  'recurrence.ordinal2': 'zweiten',
  'recurrence.ordinal3': 'dritten',
  'recurrence.ordinal4': 'vierten',
  'recurrence.ordinal5': 'fünften',
  'recurrence.ordinalLast': 'letzten',
  'recurrence.series': '{rule}, {time}, ab {first}',
  'recurrence.seriesCount': '{rule}, {time}, ab {first}, {n}-mal',
  'recurrence.seriesUntil': '{rule}, {time}, ab {first}, bis {until}',
  'recurrence.except': '{series}, außer {dates}',
  'recurrence.fallback': 'wiederholt sich (siehe Ihre Einladung); nächster Termin: {next}',
  'message.seriesScheduled':
    'Ihre Termine „{title}“ bei {host} sind gebucht: {when}.\n\nFür die nächsten Termine, zum Absagen oder Verschieben eines Termins: {link}',
  'message.seriesChanged':
    'Ihre Termine „{title}“ bei {host} haben sich geändert. Ab jetzt: {when}.\n\nFür die nächsten Termine, zum Absagen oder Verschieben eines Termins: {link}',
  'message.seriesCancelled': 'Ihre Termine „{title}“ bei {host} ({when}) sind abgesagt.\n\nEinen neuen Termin buchen: {link}',
};
