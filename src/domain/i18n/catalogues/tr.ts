// Turkish ("siz"): every text of the English catalogue.
import type { Catalogue } from './en';

export const tr: Catalogue = {
  untitled: 'Randevu',
  'message.scheduled':
    '{host} ile "{title}" randevunuz {when} için ayrıldı.\n\nİptal etmek, ertelemek veya takviminize eklemek için: {link}',
  'message.rescheduled':
    '{host} ile "{title}" randevunuz {previous} tarihinden {when} tarihine taşındı.\n\nİptal etmek, ertelemek veya takviminize eklemek için: {link}',
  'message.rescheduledPlain':
    '{host} ile "{title}" randevunuz {when} tarihine taşındı.\n\nİptal etmek, ertelemek veya takviminize eklemek için: {link}',
  'message.cancelled': '{host} ile {when} tarihindeki "{title}" randevunuz iptal edildi.\n\nYeni bir saat almak için: {link}',
  'message.reminder':
    'Hatırlatma: {host} ile "{title}" randevunuz {when} tarihinde.\n\nOnaylamak için 1, iptal etmek için 2 yazın. Ertelemek veya takviminize eklemek için: {link}',
  'message.reminderConfirmed':
    'Hatırlatma: {host} ile "{title}" randevunuz {when} tarihinde.\n\nRandevunuzu onayladınız. İptal etmek, ertelemek veya takviminize eklemek için: {link}',
  'button.confirm': 'Onayla',
  'button.cancel': 'İptal et',
  'reply.listEmpty': 'Önümüzdeki 30 gün içinde {host} ile randevunuz yok. Randevu almak için: {link}',
  'reply.listHeadingOne': 'Önümüzdeki 30 gün içinde {host} ile randevunuz:',
  'reply.listHeadingMany': 'Önümüzdeki 30 gün içinde {host} ile {count} randevunuz:',
  'reply.confirmedMark': 'onaylandı',
  'reply.listMore': '… ve {count} randevu daha.',
  'reply.listHintOne': 'İptal etmek için "iptal 1" yazın veya ertelemek için bağlantıyı açın. YARDIM, anladığım her şeyi gösterir.',
  'reply.listHintMany':
    'İkincisini iptal etmek için "iptal 2" yazın veya ertelemek için bir bağlantı açın. YARDIM, anladığım her şeyi gösterir.',
  'reply.help':
    'Bu, {host} için randevu numarasıdır. Şunları yazabilirsiniz:\nLİSTE: önümüzdeki 30 gündeki randevularınız\nİPTAL 2: listedeki 2. randevuyu iptal et\nONAY 2: listedeki 2. randevuyu onayla (veya hatırlatmadan sonra 1)\nDUR: bizden artık WhatsApp mesajı alma; BAŞLA: yeniden al\nDİL EN: size başka bir dilde yazayım ({languages})\nYazdığınız diğer her şey {host} tarafına iletilir.\nYeni bir saat almak için: {link}',
  'reply.stop': '{host} ile randevularınız hakkında artık WhatsApp mesajı almayacaksınız. Yeniden almak için BAŞLA yazın.',
  'reply.start': 'Tekrar hoş geldiniz: {host} ile randevularınız hakkında yeniden WhatsApp mesajı alacaksınız. Görmek için LİSTE yazın.',
  'reply.confirmed': 'Teşekkürler, {when} tarihindeki "{title}" onaylandı. {host} bunu takviminde görecek.',
  'reply.noItems': 'Seçebileceğiniz yaklaşan bir randevunuz yok.',
  'reply.noSuchItemOne': 'Listenizde {item} numaralı randevu yok; listede 1 randevu var.',
  'reply.noSuchItemMany': 'Listenizde {item} numaralı randevu yok; listede {count} randevu var.',
  'reply.whichCancel': 'Hangisi? Bu listedeki numarayla "iptal 1", "iptal 2" … yazın.',
  'reply.whichConfirm': 'Hangisi? Bu listedeki numarayla "onay 1", "onay 2" … yazın.',
  'reply.listForgottenCancel':
    'Hangi listeyi kastettiğinizi artık bilmiyorum, bu yüzden hiçbir şey değiştirilmedi. Güncel listeniz aşağıda: kastettiğiniz buysa yeniden "iptal {item}" yazın.',
  'reply.listForgottenConfirm':
    'Hangi listeyi kastettiğinizi artık bilmiyorum, bu yüzden hiçbir şey değiştirilmedi. Güncel listeniz aşağıda: kastettiğiniz buysa yeniden "onay {item}" yazın.',
  'reply.notCurrent':
    'Size gösterilen listedeki {item} numaralı randevu artık yaklaşan bir randevu değil, bu yüzden hiçbir şey değiştirilmedi.',
  'reply.forwarded': 'Teşekkürler, mesajınız {host} tarafına iletildi. Randevularınızı görmek için LİSTE yazın.',
  'reply.media':
    'Teşekkürler, {host} tarafına iletildi. Ben yalnızca metin okuyabilirim: randevularınız için LİSTE, fazlası için YARDIM yazın.',
  'reply.empty': 'Mesajınız boştu. Randevularınız için LİSTE, fazlası için YARDIM yazın.',
  'reply.slowDown': 'Çok hızlı mesaj gönderiyorsunuz, bu yüzden birkaç dakika yanıt vermeyeceğim. Mesajlarınız saklanıyor.',
  'reply.busy': 'Üzgünüm, şu an biraz meşgulüm. Lütfen mesajınızı bir dakika sonra tekrar gönderin.',
  'reply.notYours': 'Bu düğme artık geçerli olmayan bir randevuya ait. Randevularınızı görmek için LİSTE yazın.',
  'reply.cancelFailed': 'Üzgünüz, bu işe yaramadı. Hiçbir şey değiştirilmedi. Lütfen randevu mesajınızdaki bağlantıyı kullanın.',
  'reply.languageSet': 'Bundan sonra size Türkçe yazacağım. Randevularınızı görmek için LİSTE yazın.',
  'reply.languageUnknown': 'Bu dilde henüz yazamıyorum. DİL yazıp şunlardan birini ekleyin: {languages}.',
};
