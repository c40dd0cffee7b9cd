// Brazilian Portuguese ("você"): every text of the English catalogue.
import type { Catalogue } from './en';

export const pt: Catalogue = {
  untitled: 'Agendamento',
  'message.scheduled':
    'Seu agendamento "{title}" com {host} está marcado para {when}.\n\nPara cancelar, remarcar ou adicionar à sua agenda: {link}',
  'message.rescheduled':
    'Seu agendamento "{title}" com {host} foi remarcado de {previous} para {when}.\n\nPara cancelar, remarcar ou adicionar à sua agenda: {link}',
  'message.rescheduledPlain':
    'Seu agendamento "{title}" com {host} foi remarcado para {when}.\n\nPara cancelar, remarcar ou adicionar à sua agenda: {link}',
  'message.cancelled': 'Seu agendamento "{title}" com {host}, marcado para {when}, foi cancelado.\n\nPara marcar um novo horário: {link}',
  'message.reminder':
    'Lembrete: seu agendamento "{title}" com {host} está marcado para {when}.\n\nResponda 1 para confirmar ou 2 para cancelar. Para remarcar ou adicionar à sua agenda: {link}',
  'message.reminderConfirmed':
    'Lembrete: seu agendamento "{title}" com {host} está marcado para {when}.\n\nVocê já confirmou. Para cancelar, remarcar ou adicionar à sua agenda: {link}',
  'button.confirm': 'Confirmar',
  'button.cancel': 'Cancelar',
  'reply.listEmpty': 'Você não tem agendamentos com {host} nos próximos 30 dias. Para marcar um: {link}',
  'reply.listHeadingOne': 'Seu agendamento com {host} nos próximos 30 dias:',
  'reply.listHeadingMany': 'Seus {count} agendamentos com {host} nos próximos 30 dias:',
  'reply.confirmedMark': 'confirmado',
  'reply.listMore': '… e mais {count}.',
  'reply.listHintOne': 'Responda "cancelar 1" para cancelá-lo ou abra o link para remarcar. AJUDA mostra tudo o que eu entendo.',
  'reply.listHintMany': 'Responda "cancelar 2" para cancelar o segundo ou abra um link para remarcar. AJUDA mostra tudo o que eu entendo.',
  'reply.help':
    'Este é o número de agendamentos de {host}. Você pode responder:\nLISTA: seus agendamentos nos próximos 30 dias\nCANCELAR 2: cancelar o agendamento 2 da lista\nCONFIRMAR 2: confirmar o agendamento 2 da lista (ou 1 depois de um lembrete)\nPARAR: não receber mais mensagens de WhatsApp; INICIAR: voltar a recebê-las\nIDIOMA EN: escrever para você em outro idioma ({languages})\nQualquer outra coisa que você escrever será repassada para {host}.\nPara marcar um novo horário: {link}',
  'reply.stop': 'Você não vai mais receber mensagens de WhatsApp sobre agendamentos com {host}. Responda INICIAR para voltar a recebê-las.',
  'reply.start':
    'Que bom ter você de volta: você voltará a receber mensagens de WhatsApp sobre seus agendamentos com {host}. Responda LISTA para vê-los.',
  'reply.confirmed': 'Obrigado, seu agendamento "{title}" para {when} está confirmado. {host} verá isso na agenda.',
  'reply.noItems': 'Você não tem agendamentos futuros para escolher.',
  'reply.noSuchItemOne': 'Não há agendamento {item} na sua lista; ela tem 1 agendamento.',
  'reply.noSuchItemMany': 'Não há agendamento {item} na sua lista; ela tem {count} agendamentos.',
  'reply.whichCancel': 'Qual deles? Responda "cancelar 1", "cancelar 2" … com o número desta lista.',
  'reply.whichConfirm': 'Qual deles? Responda "confirmar 1", "confirmar 2" … com o número desta lista.',
  'reply.listForgottenCancel':
    'Não sei mais a qual lista você se refere, então nada foi alterado. Esta é a sua lista atual: responda "cancelar {item}" de novo se for essa.',
  'reply.listForgottenConfirm':
    'Não sei mais a qual lista você se refere, então nada foi alterado. Esta é a sua lista atual: responda "confirmar {item}" de novo se for essa.',
  'reply.notCurrent': 'O agendamento {item} da lista que você recebeu não está mais por vir, então nada foi alterado.',
  'reply.forwarded': 'Obrigado, repassei sua mensagem para {host}. Responda LISTA para ver seus agendamentos.',
  'reply.media': 'Obrigado, repassei para {host}. Eu só consigo ler texto: responda LISTA para ver seus agendamentos ou AJUDA para mais.',
  'reply.empty': 'Sua mensagem estava vazia. Responda LISTA para ver seus agendamentos ou AJUDA para mais.',
  'reply.slowDown':
    'Você está enviando mensagens muito rápido, então não vou responder por alguns minutos. Suas mensagens ficam guardadas.',
  'reply.busy': 'Desculpe, estou ocupado no momento. Envie sua mensagem de novo daqui a um minuto.',
  'reply.notYours': 'Esse botão é de um agendamento que não está mais valendo. Responda LISTA para ver seus agendamentos.',
  'reply.cancelFailed': 'Desculpe, não deu certo. Nada foi alterado. Use o link da sua mensagem de agendamento.',
  'reply.languageSet': 'A partir de agora vou escrever para você em português. Responda LISTA para ver seus agendamentos.',
  'reply.languageUnknown': 'Ainda não consigo escrever nesse idioma. Responda IDIOMA com um destes: {languages}.',
};
