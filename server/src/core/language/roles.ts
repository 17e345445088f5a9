/**
 * What a person was at a given date, so a hover on a 2021 article says "ambassador" and on a
 * 2023 article "foreign minister".
 */
import type { Figure, Role } from '../figures/types';

export function roleAt(figure: Figure, isoDate?: string): Role | undefined {
  if (figure.roles.length === 0) return undefined;
  if (!isoDate) return figure.roles[figure.roles.length - 1];
  const covering = figure.roles.filter((role) => (!role.from || role.from <= isoDate) && (!role.to || isoDate <= role.to));
  if (covering.length > 0) return covering[covering.length - 1];
  const before = figure.roles.filter((role) => role.from && role.from <= isoDate).sort((a, b) => (a.from! < b.from! ? -1 : 1));
  return before.length > 0 ? before[before.length - 1] : figure.roles[0];
}
