// English: the reference catalogue; its keys are every text an attendee can read, its placeholders the ones each text may use.
export const en = {
  untitled: 'Appointment',
  'message.scheduled':
    'Your appointment "{title}" with {host} is booked for {when}.\n\nTo cancel, reschedule or add it to your calendar: {link}',
  'message.rescheduled':
    'Your appointment "{title}" with {host} has moved from {previous} to {when}.\n\nTo cancel, reschedule or add it to your calendar: {link}',
  'message.rescheduledPlain':
    'Your appointment "{title}" with {host} has moved to {when}.\n\nTo cancel, reschedule or add it to your calendar: {link}',
  'message.cancelled': 'Your appointment "{title}" with {host} on {when} is cancelled.\n\nTo book a new time: {link}',
  'message.reminder':
    'Reminder: your appointment "{title}" with {host} is on {when}.\n\nReply 1 to confirm, 2 to cancel. To reschedule or add it to your calendar: {link}',
  'message.reminderConfirmed':
    'Reminder: your appointment "{title}" with {host} is on {when}.\n\nYou have confirmed it. To cancel, reschedule or add it to your calendar: {link}',
  'button.confirm': 'Confirm',
  'button.cancel': 'Cancel',
  'reply.listEmpty': 'You have no appointments with {host} in the next 30 days. To book one: {link}',
  'reply.listHeadingOne': 'Your appointment with {host} in the next 30 days:',
  'reply.listHeadingMany': 'Your {count} appointments with {host} in the next 30 days:',
  'reply.confirmedMark': 'confirmed',
  'reply.listMore': '… and {count} more.',
  'reply.listHintOne': 'Reply "cancel 1" to cancel it, or open the link to reschedule. HELP shows everything I understand.',
  'reply.listHintMany': 'Reply "cancel 2" to cancel the second one, or open a link to reschedule. HELP shows everything I understand.',
  'reply.help':
    "This is {host}'s appointment number. You can reply:\nLIST: your appointments in the next 30 days\nCANCEL 2: cancel appointment 2 of the list\nCONFIRM 2: confirm appointment 2 of the list (or 1 after a reminder)\nSTOP: no more WhatsApp messages from us; START: receive them again\nLANGUAGE ES: write to me in another language ({languages})\nAnything else you write is passed on to {host}.\nTo book a new time: {link}",
  'reply.stop': 'You will no longer receive WhatsApp messages about appointments with {host}. Reply START to receive them again.',
  'reply.start': 'Welcome back: you will receive WhatsApp messages about your appointments with {host} again. Reply LIST to see them.',
  'reply.confirmed': 'Thank you, "{title}" on {when} is confirmed. {host} will see it in the calendar.',
  'reply.noItems': 'You have no upcoming appointments to choose from.',
  'reply.noSuchItemOne': 'There is no appointment {item} in your list; it has 1 appointment.',
  'reply.noSuchItemMany': 'There is no appointment {item} in your list; it has {count} appointments.',
  'reply.whichCancel': 'Which one? Reply "cancel 1", "cancel 2" … with the number from this list.',
  'reply.whichConfirm': 'Which one? Reply "confirm 1", "confirm 2" … with the number from this list.',
  'reply.listForgottenCancel':
    'I no longer know which list you mean, so nothing was changed. Here is your current list: reply "cancel {item}" again if it is the one you mean.',
  'reply.listForgottenConfirm':
    'I no longer know which list you mean, so nothing was changed. Here is your current list: reply "confirm {item}" again if it is the one you mean.',
  'reply.notCurrent': 'Appointment {item} of the list you were shown is no longer upcoming, so nothing was changed.',
  'reply.forwarded': 'Thank you, I have passed your message on to {host}. Reply LIST to see your appointments.',
  'reply.media':
    'Thank you, I have passed it on to {host}. I can only read text myself: reply LIST to see your appointments or HELP for more.',
  'reply.empty': 'Your message was empty. Reply LIST to see your appointments or HELP for more.',
  'reply.slowDown': 'You are sending messages very quickly, so I will not answer for a few minutes. Your messages are kept for the host.',
  'reply.busy': 'Sorry, I am busy for a moment. Please send your message again in a minute.',
  'reply.notYours': 'That button belongs to an appointment that is no longer current. Reply LIST to see your appointments.',
  'reply.cancelFailed': 'Sorry, that did not work. Nothing was changed. Please use the link in your appointment message.',
  'reply.languageSet': 'From now on I will write to you in English. Reply LIST to see your appointments.',
  'reply.languageUnknown': 'I cannot write in that language yet. Reply LANGUAGE with one of: {languages}.',
} as const;

/** Every text an attendee can read, by key. */
export type TextKey = keyof typeof en;
/** A language's texts: every key of the English catalogue, no more and no fewer (the compiler checks each file). */
export type Catalogue = { readonly [Key in TextKey]: string };
