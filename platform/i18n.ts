/**
 * The browser edge of `core/i18n.ts`: installs `browser.i18n.getMessage` as the message source, and reads the
 * UI language. Views import `t` from here so the source is installed wherever words are shown.
 */
import { browser } from '#imports';
import { setMessageSource } from '../core/i18n';

setMessageSource((key, subs) => browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0], subs));

export { formatMessage, t, type MessageKey } from '../core/i18n';

/** The UI language ("en", "de", "pt-BR"), or "en" where the browser does not say. */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
