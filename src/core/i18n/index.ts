export { en, type MessageKey } from './en.ts';
export { isLocale, LOCALE_NAMES, LOCALES, type Locale, negotiateLocale } from './locales.ts';
export { CATALOGUES, type I18n, i18n } from './translate.ts';
