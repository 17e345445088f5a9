/**
 * A figure's canonical Chinese name in the script of the article it is shown in: the catalogue
 * keeps names in simplified script and lists the traditional forms among the variants, and a
 * learned person's name is written in the article itself.
 */
import { normalizeForMatching } from '../text/normalize';
import type { Figure } from './types';

/** Whether the written forms (an article's mentions) show traditional script: some differ from their simplified form. */
export function writtenInTraditional(forms: Iterable<string>): boolean {
  for (const form of forms) if (normalizeForMatching(form) !== form) return true;
  return false;
}

/**
 * The figure's canonical name in traditional script when `traditional`, from the forms written
 * in the article first and the catalogue's variants next; else (or when none is found) its `zh`.
 */
export function canonicalName(figure: Figure, traditional: boolean, written: readonly string[] = []): string {
  if (!traditional) return figure.zh;
  const key = normalizeForMatching(figure.zh);
  for (const form of [...written, ...figure.names]) if (form !== figure.zh && normalizeForMatching(form) === key) return form;
  return figure.zh;
}
