// Dutch ("u"): every text of the English catalogue.
import type { Catalogue } from './en';

export const nl: Catalogue = {
  untitled: 'Afspraak',
  'message.scheduled':
    'Uw afspraak "{title}" met {host} staat gepland op {when}.\n\nAnnuleren, verzetten of aan uw agenda toevoegen: {link}',
  'message.rescheduled':
    'Uw afspraak "{title}" met {host} is verzet van {previous} naar {when}.\n\nAnnuleren, verzetten of aan uw agenda toevoegen: {link}',
  'message.rescheduledPlain':
    'Uw afspraak "{title}" met {host} is verzet naar {when}.\n\nAnnuleren, verzetten of aan uw agenda toevoegen: {link}',
  'message.cancelled': 'Uw afspraak "{title}" met {host} op {when} is geannuleerd.\n\nEen nieuwe tijd boeken: {link}',
  'message.reminder':
    'Herinnering: uw afspraak "{title}" met {host} is op {when}.\n\nAntwoord 1 om te bevestigen, 2 om te annuleren. Verzetten of aan uw agenda toevoegen: {link}',
  'message.reminderConfirmed':
    'Herinnering: uw afspraak "{title}" met {host} is op {when}.\n\nU hebt deze bevestigd. Annuleren, verzetten of aan uw agenda toevoegen: {link}',
  'button.confirm': 'Bevestigen',
  'button.cancel': 'Annuleren',
  'reply.listEmpty': 'U hebt de komende 30 dagen geen afspraken met {host}. Een afspraak boeken: {link}',
  'reply.listHeadingOne': 'Uw afspraak met {host} in de komende 30 dagen:',
  'reply.listHeadingMany': 'Uw {count} afspraken met {host} in de komende 30 dagen:',
  'reply.confirmedMark': 'bevestigd',
  'reply.listMore': '… en nog {count}.',
  'reply.listHintOne': 'Antwoord "annuleren 1" om deze te annuleren, of open de link om te verzetten. HULP toont alles wat ik begrijp.',
  'reply.listHintMany':
    'Antwoord "annuleren 2" om de tweede te annuleren, of open een link om te verzetten. HULP toont alles wat ik begrijp.',
  'reply.help':
    'Dit is het afsprakennummer van {host}. U kunt antwoorden:\nLIJST: uw afspraken in de komende 30 dagen\nANNULEREN 2: afspraak 2 van de lijst annuleren\nBEVESTIGEN 2: afspraak 2 van de lijst bevestigen (of 1 na een herinnering)\nSTOP: geen WhatsApp-berichten meer van ons; START: ze weer ontvangen\nTAAL EN: in een andere taal schrijven ({languages})\nAl het andere dat u schrijft, stuur ik door naar {host}.\nEen nieuwe tijd boeken: {link}',
  'reply.stop': 'U ontvangt geen WhatsApp-berichten meer over afspraken met {host}. Antwoord START om ze weer te ontvangen.',
  'reply.start': 'Welkom terug: u ontvangt weer WhatsApp-berichten over uw afspraken met {host}. Antwoord LIJST om ze te zien.',
  'reply.confirmed': 'Dank u, "{title}" op {when} is bevestigd. {host} ziet dit in de agenda.',
  'reply.noItems': 'U hebt geen komende afspraken om uit te kiezen.',
  'reply.noSuchItemOne': 'Er is geen afspraak {item} in uw lijst; er staat 1 afspraak in.',
  'reply.noSuchItemMany': 'Er is geen afspraak {item} in uw lijst; er staan {count} afspraken in.',
  'reply.whichCancel': 'Welke? Antwoord "annuleren 1", "annuleren 2" … met het nummer uit deze lijst.',
  'reply.whichConfirm': 'Welke? Antwoord "bevestigen 1", "bevestigen 2" … met het nummer uit deze lijst.',
  'reply.listForgottenCancel':
    'Ik weet niet meer welke lijst u bedoelt, dus er is niets gewijzigd. Hier is uw huidige lijst: antwoord opnieuw "annuleren {item}" als u deze bedoelt.',
  'reply.listForgottenConfirm':
    'Ik weet niet meer welke lijst u bedoelt, dus er is niets gewijzigd. Hier is uw huidige lijst: antwoord opnieuw "bevestigen {item}" als u deze bedoelt.',
  'reply.notCurrent': 'Afspraak {item} van de lijst die u kreeg, is niet meer aanstaande, dus er is niets gewijzigd.',
  'reply.forwarded': 'Dank u, ik heb uw bericht doorgestuurd naar {host}. Antwoord LIJST om uw afspraken te zien.',
  'reply.media':
    'Dank u, ik heb het doorgestuurd naar {host}. Zelf kan ik alleen tekst lezen: antwoord LIJST voor uw afspraken of HULP voor meer.',
  'reply.empty': 'Uw bericht was leeg. Antwoord LIJST voor uw afspraken of HULP voor meer.',
  'reply.slowDown': 'U stuurt heel snel berichten, dus ik antwoord een paar minuten niet. Uw berichten blijven bewaard.',
  'reply.busy': 'Sorry, ik ben even bezig. Stuur uw bericht over een minuut opnieuw.',
  'reply.notYours': 'Die knop hoort bij een afspraak die niet meer actueel is. Antwoord LIJST om uw afspraken te zien.',
  'reply.cancelFailed': 'Sorry, dat is niet gelukt. Er is niets gewijzigd. Gebruik de link in uw afspraakbericht.',
  'reply.languageSet': 'Vanaf nu schrijf ik u in het Nederlands. Antwoord LIJST om uw afspraken te zien.',
  'reply.languageUnknown': 'In die taal kan ik nog niet schrijven. Antwoord TAAL met een van: {languages}.',
};
