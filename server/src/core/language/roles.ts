/**
 * What a person was at a given date, so a hover on a 2021 article says "ambassador" and on a
 * 2023 article "foreign minister". The rule lives with the catalogue that defines roles.
 */
export { roleAt } from '../figures/catalogue';
