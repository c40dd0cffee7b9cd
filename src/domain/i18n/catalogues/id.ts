// Indonesian ("Anda"): every text of the English catalogue.
import type { Catalogue } from './en';

export const id: Catalogue = {
  untitled: 'Janji temu',
  'message.scheduled':
    'Janji temu Anda "{title}" dengan {host} sudah dipesan untuk {when}.\n\nUntuk membatalkan, menjadwalkan ulang, atau menambahkannya ke kalender Anda: {link}',
  'message.rescheduled':
    'Janji temu Anda "{title}" dengan {host} dipindahkan dari {previous} ke {when}.\n\nUntuk membatalkan, menjadwalkan ulang, atau menambahkannya ke kalender Anda: {link}',
  'message.rescheduledPlain':
    'Janji temu Anda "{title}" dengan {host} dipindahkan ke {when}.\n\nUntuk membatalkan, menjadwalkan ulang, atau menambahkannya ke kalender Anda: {link}',
  'message.cancelled': 'Janji temu Anda "{title}" dengan {host} pada {when} dibatalkan.\n\nUntuk memesan waktu baru: {link}',
  'message.reminder':
    'Pengingat: janji temu Anda "{title}" dengan {host} pada {when}.\n\nBalas 1 untuk mengonfirmasi, 2 untuk membatalkan. Untuk menjadwalkan ulang atau menambahkannya ke kalender Anda: {link}',
  'message.reminderConfirmed':
    'Pengingat: janji temu Anda "{title}" dengan {host} pada {when}.\n\nAnda sudah mengonfirmasinya. Untuk membatalkan, menjadwalkan ulang, atau menambahkannya ke kalender Anda: {link}',
  'button.confirm': 'Konfirmasi',
  'button.cancel': 'Batalkan',
  'reply.listEmpty': 'Anda tidak punya janji temu dengan {host} dalam 30 hari ke depan. Untuk memesan: {link}',
  'reply.listHeadingOne': 'Janji temu Anda dengan {host} dalam 30 hari ke depan:',
  'reply.listHeadingMany': '{count} janji temu Anda dengan {host} dalam 30 hari ke depan:',
  'reply.confirmedMark': 'terkonfirmasi',
  'reply.listMore': '… dan {count} lagi.',
  'reply.listHintOne':
    'Balas "batal 1" untuk membatalkannya, atau buka tautan untuk menjadwalkan ulang. BANTUAN menampilkan semua yang saya pahami.',
  'reply.listHintMany':
    'Balas "batal 2" untuk membatalkan yang kedua, atau buka tautan untuk menjadwalkan ulang. BANTUAN menampilkan semua yang saya pahami.',
  'reply.help':
    'Ini nomor janji temu {host}. Anda dapat membalas:\nDAFTAR: janji temu Anda dalam 30 hari ke depan\nBATAL 2: membatalkan janji temu nomor 2 di daftar\nKONFIRMASI 2: mengonfirmasi janji temu nomor 2 di daftar (atau 1 setelah pengingat)\nBERHENTI: tidak lagi menerima pesan WhatsApp dari kami; MULAI: menerimanya lagi\nBAHASA EN: menulis kepada Anda dalam bahasa lain ({languages})\nPesan lain yang Anda tulis akan saya teruskan ke {host}.\nUntuk memesan waktu baru: {link}',
  'reply.stop': 'Anda tidak akan lagi menerima pesan WhatsApp tentang janji temu dengan {host}. Balas MULAI untuk menerimanya lagi.',
  'reply.start':
    'Selamat datang kembali: Anda akan menerima lagi pesan WhatsApp tentang janji temu Anda dengan {host}. Balas DAFTAR untuk melihatnya.',
  'reply.confirmed': 'Terima kasih, "{title}" pada {when} sudah dikonfirmasi. {host} akan melihatnya di kalender.',
  'reply.noItems': 'Anda tidak punya janji temu mendatang untuk dipilih.',
  'reply.noSuchItemOne': 'Tidak ada janji temu nomor {item} di daftar Anda; daftar berisi 1 janji temu.',
  'reply.noSuchItemMany': 'Tidak ada janji temu nomor {item} di daftar Anda; daftar berisi {count} janji temu.',
  'reply.whichCancel': 'Yang mana? Balas "batal 1", "batal 2" … dengan nomor dari daftar ini.',
  'reply.whichConfirm': 'Yang mana? Balas "konfirmasi 1", "konfirmasi 2" … dengan nomor dari daftar ini.',
  'reply.listForgottenCancel':
    'Saya tidak tahu lagi daftar mana yang Anda maksud, jadi tidak ada yang diubah. Ini daftar Anda saat ini: balas "batal {item}" lagi jika ini yang Anda maksud.',
  'reply.listForgottenConfirm':
    'Saya tidak tahu lagi daftar mana yang Anda maksud, jadi tidak ada yang diubah. Ini daftar Anda saat ini: balas "konfirmasi {item}" lagi jika ini yang Anda maksud.',
  'reply.notCurrent': 'Janji temu nomor {item} di daftar yang Anda terima sudah tidak akan datang lagi, jadi tidak ada yang diubah.',
  'reply.forwarded': 'Terima kasih, pesan Anda sudah saya teruskan ke {host}. Balas DAFTAR untuk melihat janji temu Anda.',
  'reply.media':
    'Terima kasih, sudah saya teruskan ke {host}. Saya hanya bisa membaca teks: balas DAFTAR untuk janji temu Anda atau BANTUAN untuk lainnya.',
  'reply.empty': 'Pesan Anda kosong. Balas DAFTAR untuk janji temu Anda atau BANTUAN untuk lainnya.',
  'reply.slowDown': 'Anda mengirim pesan sangat cepat, jadi saya tidak akan membalas selama beberapa menit. Pesan Anda tetap disimpan.',
  'reply.busy': 'Maaf, saya sedang sibuk sebentar. Silakan kirim pesan Anda lagi dalam satu menit.',
  'reply.notYours': 'Tombol itu milik janji temu yang sudah tidak berlaku. Balas DAFTAR untuk melihat janji temu Anda.',
  'reply.cancelFailed': 'Maaf, itu tidak berhasil. Tidak ada yang diubah. Silakan gunakan tautan di pesan janji temu Anda.',
  'reply.languageSet': 'Mulai sekarang saya akan menulis kepada Anda dalam Bahasa Indonesia. Balas DAFTAR untuk melihat janji temu Anda.',
  'reply.languageUnknown': 'Saya belum bisa menulis dalam bahasa itu. Balas BAHASA dengan salah satu dari: {languages}.',
};
