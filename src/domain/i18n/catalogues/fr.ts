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
};
