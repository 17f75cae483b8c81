/** Length rule for new passwords; argon2 handles any length, the upper bound only stops abuse. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
