// The attendee pages' browser scripts (src/web/browser/*.ts, bundled at build time) and the PAGE data they read.
import appointmentScript from './browser/appointment?script';
import bookingScript from './browser/booking?script';
import { SafeHtml, jsonForScript } from './html';
import type { AppointmentPageData, BookingPageData } from './page-data';

/** Scripts stay inline: HtmlService's IFRAME sandbox serves the page as one document. */
const SCRIPTS = { appointment: appointmentScript, booking: bookingScript };

export type ClientPage = keyof typeof SCRIPTS;

interface PageDataOf {
  appointment: AppointmentPageData;
  booking: BookingPageData;
}

/** The page's data as JSON and the script that uses it, both safe to place anywhere in the body. */
export function clientScript<Page extends ClientPage>(page: Page, data: PageDataOf[Page]): SafeHtml {
  return new SafeHtml(`<script>var PAGE = ${jsonForScript(data).value};</script><script>${SCRIPTS[page]}</script>`);
}

/** Bare 'en' means US conventions in browsers; the pages speak international English like the messages. */
export function browserLocale(locale: string): string {
  return !locale || locale.toLowerCase() === 'en' ? 'en-GB' : locale;
}
