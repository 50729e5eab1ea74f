/** The two languages of the product: Korean first, English second. */
export const locales = ['ko', 'en'] as const;
export type Locale = (typeof locales)[number];
