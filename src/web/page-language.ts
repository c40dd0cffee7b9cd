// A page's texts and language from the attendee's Texts: what the browser script writes, and the picker's links.
import { LANGUAGES, LANGUAGE_CODES } from '../domain/i18n/languages';
import type { Texts } from '../domain/i18n/texts';
import type { PageTexts } from './page-data';
import type { PageLanguage } from './pages';

export function browserTexts(texts: Texts): PageTexts {
  return {
    sameLocalTime: texts.t('page.sameLocalTime'),
    yourTime: texts.t('page.yourTime'),
    zonesHost: texts.t('page.zonesHost'),
    zonesBoth: texts.t('page.zonesBoth'),
    lookingUp: texts.t('page.lookingUp'),
    yourSlot: texts.t('page.yourSlot'),
    moveQuestion: texts.t('page.moveQuestion'),
    cancelling: texts.t('page.cancelling'),
    cancelledStatus: texts.t('page.cancelledStatus'),
    moving: texts.t('page.moving'),
    somethingWrong: texts.t('page.somethingWrong'),
    booking: texts.t('page.booking'),
    bookedDone: texts.t('page.bookedDone'),
  };
}

/** `hrefFor(code)` is this page in another language (its link plus `&lang=`); without it the page has no picker. */
export function pageLanguage(texts: Texts, hrefFor?: (code: string) => string): PageLanguage {
  return {
    code: texts.language,
    dir: texts.dir,
    label: texts.t('page.language'),
    choices: hrefFor ? LANGUAGE_CODES.map((code) => ({ code, name: LANGUAGES[code].name, href: hrefFor(code) })) : undefined,
  };
}
