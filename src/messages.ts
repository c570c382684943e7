/**
 * Messages for the user (`IMessage`) in the panel's language.
 */
import type { TranslationBundle } from '@jupyterlab/translation';

import type { IMessage } from './tokens';

/**
 * The text of a message, translated, its values in place of `%1`, `%2`…;
 * null for no message.
 */
export function translate(trans: TranslationBundle, message: IMessage): string;
export function translate(
  trans: TranslationBundle,
  message: IMessage | null | undefined
): string | null;
export function translate(
  trans: TranslationBundle,
  message: IMessage | null | undefined
): string | null {
  return message ? trans.__(message.message, ...(message.args ?? [])) : null;
}
