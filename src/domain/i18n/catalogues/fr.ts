// French ("vous"): every text of the English catalogue.
import type { Catalogue } from './en';

export const fr: Catalogue = {
  untitled: 'Rendez-vous',
  'message.scheduled':
    'Votre rendez-vous « {title} » avec {host} est réservé pour le {when}.\n\nPour l’annuler, le déplacer ou l’ajouter à votre agenda : {link}',
  'message.rescheduled':
    'Votre rendez-vous « {title} » avec {host} a été déplacé du {previous} au {when}.\n\nPour l’annuler, le déplacer ou l’ajouter à votre agenda : {link}',
  'message.rescheduledPlain':
    'Votre rendez-vous « {title} » avec {host} a été déplacé au {when}.\n\nPour l’annuler, le déplacer ou l’ajouter à votre agenda : {link}',
  'message.cancelled': 'Votre rendez-vous « {title} » avec {host} du {when} est annulé.\n\nPour réserver un nouveau créneau : {link}',
  'message.reminder':
    'Rappel : votre rendez-vous « {title} » avec {host} a lieu le {when}.\n\nRépondez 1 pour confirmer, 2 pour annuler. Pour le déplacer ou l’ajouter à votre agenda : {link}',
  'message.reminderConfirmed':
    'Rappel : votre rendez-vous « {title} » avec {host} a lieu le {when}.\n\nVous l’avez confirmé. Pour l’annuler, le déplacer ou l’ajouter à votre agenda : {link}',
  'button.confirm': 'Confirmer',
  'button.cancel': 'Annuler',
  'reply.listEmpty': 'Vous n’avez aucun rendez-vous avec {host} dans les 30 prochains jours. Pour en réserver un : {link}',
  'reply.listHeadingOne': 'Votre rendez-vous avec {host} dans les 30 prochains jours :',
  'reply.listHeadingMany': 'Vos {count} rendez-vous avec {host} dans les 30 prochains jours :',
  'reply.confirmedMark': 'confirmé',
  'reply.listMore': '… et {count} de plus.',
  'reply.listHintOne': 'Répondez « annuler 1 » pour l’annuler, ou ouvrez le lien pour le déplacer. AIDE affiche tout ce que je comprends.',
  'reply.listHintMany':
    'Répondez « annuler 2 » pour annuler le deuxième, ou ouvrez un lien pour le déplacer. AIDE affiche tout ce que je comprends.',
  'reply.help':
    'Ce numéro gère les rendez-vous avec {host}. Vous pouvez répondre :\nRDV : vos rendez-vous des 30 prochains jours\nANNULER 2 : annuler le rendez-vous 2 de la liste\nCONFIRMER 2 : confirmer le rendez-vous 2 de la liste (ou 1 après un rappel)\nSTOP : ne plus recevoir nos messages WhatsApp ; REPRENDRE : les recevoir à nouveau\nLANGUE EN : vous écrire dans une autre langue ({languages})\nTout autre message est transmis à {host}.\nPour réserver un nouveau créneau : {link}',
  'reply.stop':
    'Vous ne recevrez plus de messages WhatsApp sur vos rendez-vous avec {host}. Répondez REPRENDRE pour les recevoir à nouveau.',
  'reply.start': 'Bon retour : vous recevrez de nouveau les messages WhatsApp sur vos rendez-vous avec {host}. Répondez RDV pour les voir.',
  'reply.confirmed': 'Merci, « {title} » le {when} est confirmé. {host} le verra dans son agenda.',
  'reply.noItems': 'Vous n’avez aucun rendez-vous à venir parmi lesquels choisir.',
  'reply.noSuchItemOne': 'Il n’y a pas de rendez-vous {item} dans votre liste ; elle en contient 1.',
  'reply.noSuchItemMany': 'Il n’y a pas de rendez-vous {item} dans votre liste ; elle en contient {count}.',
  'reply.whichCancel': 'Lequel ? Répondez « annuler 1 », « annuler 2 » … avec le numéro de cette liste.',
  'reply.whichConfirm': 'Lequel ? Répondez « confirmer 1 », « confirmer 2 » … avec le numéro de cette liste.',
  'reply.listForgottenCancel':
    'Je ne sais plus de quelle liste vous parlez, donc rien n’a été modifié. Voici votre liste actuelle : répondez à nouveau « annuler {item} » si c’est bien celle-ci.',
  'reply.listForgottenConfirm':
    'Je ne sais plus de quelle liste vous parlez, donc rien n’a été modifié. Voici votre liste actuelle : répondez à nouveau « confirmer {item} » si c’est bien celle-ci.',
  'reply.notCurrent': 'Le rendez-vous {item} de la liste que vous avez reçue n’est plus à venir, donc rien n’a été modifié.',
  'reply.forwarded': 'Merci, j’ai transmis votre message à {host}. Répondez RDV pour voir vos rendez-vous.',
  'reply.media':
    'Merci, je l’ai transmis à {host}. Je ne sais lire que du texte : répondez RDV pour voir vos rendez-vous ou AIDE pour en savoir plus.',
  'reply.empty': 'Votre message était vide. Répondez RDV pour voir vos rendez-vous ou AIDE pour en savoir plus.',
  'reply.slowDown':
    'Vous envoyez des messages très rapidement, je ne répondrai donc pas pendant quelques minutes. Vos messages sont conservés pour votre interlocuteur.',
  'reply.busy': 'Désolé, je suis occupé un instant. Merci de renvoyer votre message dans une minute.',
  'reply.notYours': 'Ce bouton appartient à un rendez-vous qui n’est plus d’actualité. Répondez RDV pour voir vos rendez-vous.',
  'reply.cancelFailed': 'Désolé, cela n’a pas fonctionné. Rien n’a été modifié. Utilisez le lien de votre message de rendez-vous.',
  'reply.languageSet': 'Désormais, je vous écrirai en français. Répondez RDV pour voir vos rendez-vous.',
  'reply.languageUnknown': 'Je ne sais pas encore écrire dans cette langue. Répondez LANGUE suivi de l’une de celles-ci : {languages}.',
  'page.bookNewTime': 'Réserver un nouveau créneau',
  'page.badLinkTitle': 'Ce lien ne fonctionne pas',
  'page.badLinkText':
    'Il est peut-être incomplet ou périmé. Rien n’a été modifié. Ouvrez le lien de votre dernier message WhatsApp de {host}, répondez à ce message ou réservez un nouveau créneau.',
  'page.cancelledTitle': 'Ce rendez-vous est annulé',
  'page.cancelledText':
    '« {title} » avec {host} le {when} est annulé. Vous n’avez rien d’autre à faire. Pour venir à un autre moment, réservez un nouveau créneau.',
  'page.overTitle': 'Ce rendez-vous est passé',
  'page.overText':
    '« {title} » avec {host} a eu lieu le {when}. Pour vous revoir, réservez un nouveau créneau ou répondez à votre message WhatsApp.',
  'page.startedNote': 'Ce rendez-vous a déjà commencé : il ne peut plus être modifié ici.',
  'page.sharedNote':
    'D’autres personnes participent à ce rendez-vous : il ne peut pas être modifié ici. Répondez à votre message WhatsApp pour le demander à {host}.',
  'page.booked': 'Réservé',
  'page.withHost': 'avec {host}',
  'page.reschedule': 'Déplacer',
  'page.cancel': 'Annuler',
  'page.addToCalendar': 'Ajouter à l’agenda',
  'page.cancelQuestion': 'Annuler ce rendez-vous ?',
  'page.cancelExplain': '{host} le verra disparaître de son agenda, et vous recevrez un message WhatsApp confirmant l’annulation.',
  'page.yesCancel': 'Oui, l’annuler',
  'page.keep': 'Non, le garder',
  'page.pickNewTime': 'Choisissez un nouveau créneau',
  'page.yesMove': 'Oui, le déplacer',
  'page.back': 'Retour',
  'page.noSlotsAppointment':
    'Aucun créneau libre dans les prochaines semaines. Répondez à votre message WhatsApp pour trouver un moment avec {host}.',
  'page.language': 'Langue',
  'page.sameLocalTime': 'C’est aussi votre heure locale ({zone}).',
  'page.yourTime': 'Votre heure ({zone}) : {when}',
  'page.zonesHost': 'Heures en {zone}.',
  'page.zonesBoth': 'Heures en {hostZone} (celles de votre interlocuteur) ; en petit, votre heure en {viewerZone}.',
  'page.lookingUp': 'Recherche des créneaux libres…',
  'page.yourSlot': 'chez vous {time}',
  'page.moveQuestion': 'Déplacer votre rendez-vous au {when} ?',
  'page.cancelling': 'Annulation…',
  'page.cancelledStatus': 'Annulé',
  'page.moving': 'Déplacement…',
  'page.somethingWrong': 'Une erreur s’est produite.',
  'page.bookTitle': 'Prendre rendez-vous',
  'page.bookIntro': 'avec {host}, {minutes} minutes. Choisissez un créneau, puis dites-nous qui vous êtes.',
  'page.yourDetails': 'Vos coordonnées',
  'page.yourName': 'Votre nom',
  'page.whatsappNumber': 'Numéro WhatsApp',
  'page.phoneHintCountry':
    'Avec l’indicatif du pays, par exemple +33 6 12 34 56 78 ; un numéro sans indicatif est lu comme un numéro de {country}.',
  'page.phoneHint': 'Avec l’indicatif du pays, par exemple +33 6 12 34 56 78.',
  'page.phoneArrives': 'La confirmation et votre lien pour annuler ou déplacer arrivent sur WhatsApp.',
  'page.email': 'E-mail (facultatif)',
  'page.bookThisTime': 'Réserver ce créneau',
  'page.youAreBooked': 'C’est réservé',
  'page.seeAppointment': 'Voir votre rendez-vous',
  'page.noSlotsBooking': 'Aucun créneau libre dans les prochaines semaines. Contactez directement {host}.',
  'page.booking': 'Réservation…',
  'page.bookedDone': 'Réservé : {when}. Vous recevrez un message WhatsApp avec les détails.',
  'page.slotTaken': 'Ce créneau vient d’être pris. Choisissez-en un autre.',
  'page.badLink': 'Ce lien ne fonctionne pas. Utilisez le lien de votre dernier message WhatsApp.',
  'page.cancelledCannotChange': 'Ce rendez-vous est annulé : il ne peut pas être modifié. Vous pouvez réserver un nouveau créneau.',
  'page.endedCannotChange': 'Ce rendez-vous est passé : il ne peut pas être modifié. Vous pouvez réserver un nouveau créneau.',
  'page.cancelResult': 'Votre rendez-vous est annulé. {host} a été prévenu, et un message WhatsApp le confirme.',
  'page.alreadyCancelled': 'Ce rendez-vous est déjà annulé. Vous n’avez rien d’autre à faire.',
  'page.cannotMove': 'Ce rendez-vous ne peut pas être déplacé ici. Répondez à votre message WhatsApp pour le demander à {host}.',
  'page.alreadyAtTime': 'Votre rendez-vous est déjà à cette heure-là.',
  'page.movedResult': 'Déplacé au {when}. Un message WhatsApp confirme le nouvel horaire.',
  'page.busy': 'Une autre modification est en cours. Réessayez dans un instant.',
};
